/**
 * Rendering only: Slack Block Kit and plain text for on-call, support and managers. No I/O; depends only on
 * {@code incidents}.
 */
package dev.detour.messages;
