package dev.detour.commands;

import dev.detour.incidents.incident.Actor;

import java.util.Objects;

/** The Slack user behind a command or a button press, and the channel they acted in. */
public record Invoker(String userId, String channelId) {
    public Invoker {
        Objects.requireNonNull(userId, "userId");
        channelId = channelId == null ? "" : channelId;
    }

    public Actor actor() {
        return Actor.user(userId);
    }
}
