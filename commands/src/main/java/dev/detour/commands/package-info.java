/**
 * The {@code /detour} grammar, its handlers, interactivity and permissions. Calls the {@code incidents} services;
 * never imports Slack Bolt (only {@code bot} does).
 */
package dev.detour.commands;
