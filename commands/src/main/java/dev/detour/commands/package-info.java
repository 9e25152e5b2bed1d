/**
 * The {@code /detour} slash command and Slack interactivity: a pure parser into typed commands, handlers that
 * call the incidents services, and the on-call permission check. Knows nothing of HTTP or Bolt.
 */
package dev.detour.commands;
