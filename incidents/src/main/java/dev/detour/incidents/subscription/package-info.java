/**
 * Who follows customer updates outside the incident channels: email subscribers (double opt-in, one-click
 * unsubscribe) and internal people who asked for a Slack DM. Domain types only: {@code java.*}.
 */
package dev.detour.incidents.subscription;
