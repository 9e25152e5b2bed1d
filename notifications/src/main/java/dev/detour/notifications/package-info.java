/**
 * Everything that leaves the process: outbox rules that turn committed changes into deliveries, the dispatcher
 * that delivers them, and the Slack Web API (or the console, without a bot token) they are delivered to.
 */
package dev.detour.notifications;
