package dev.detour.bot.api;

/**
 * Every error body Detour's HTTP API returns.
 *
 * @param error  a short code a program can switch on, e.g. {@code not_found}
 * @param detail what was wrong, for a person
 */
public record ApiError(String error, String detail) {
}
