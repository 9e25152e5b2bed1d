/**
 * Detour's own public status page for end users and support ({@code /status}, {@code /status.json},
 * {@code /status/feed.atom}; docs/status.md). Not to be confused with a provider's status page, which
 * {@code bot.signals.ProviderStatusPagePoller} reads.
 */
package dev.detour.bot.publicstatus;
