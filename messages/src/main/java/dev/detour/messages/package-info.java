/**
 * Rendering only: turns incidents, routes and status into Slack Block Kit (with a plain-text fallback). No I/O;
 * every message stays inside Block Kit's limits whatever the size of the catalog.
 */
package dev.detour.messages;
