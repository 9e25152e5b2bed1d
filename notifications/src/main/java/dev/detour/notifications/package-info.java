/**
 * Everything that leaves the process: Slack posts and edits, flag pushes, the outbox dispatcher with its
 * retries and rate limits.
 */
package dev.detour.notifications;
