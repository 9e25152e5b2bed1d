package dev.detour.incidents.incident;

import dev.detour.incidents.catalog.EnumWords;

import java.util.Objects;

/**
 * Who caused a change: a Slack user, a health-signal source, a policy, or Detour itself.
 *
 * @param id the Slack user id ({@code U0ALICE}), the signal source ({@code statuspage:anthropic}), the policy
 *           ({@code failover:auto}, {@code consent-timeout}) or the system part ({@code startup})
 */
public record Actor(Kind kind, String id) {
    public enum Kind {
        USER, SIGNAL, POLICY, SYSTEM;

        public String word() {
            return EnumWords.of(this);
        }

        public static Kind fromWord(String word) {
            return EnumWords.parse(values(), word)
                    .orElseThrow(() -> new IllegalArgumentException("unknown actor kind " + word));
        }
    }

    public Actor {
        Objects.requireNonNull(kind, "kind");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an actor needs an id");
        }
    }

    public static Actor user(String slackUserId) {
        return new Actor(Kind.USER, slackUserId);
    }

    public static Actor signal(String source) {
        return new Actor(Kind.SIGNAL, source);
    }

    public static Actor policy(String policy) {
        return new Actor(Kind.POLICY, policy);
    }

    public static Actor system(String part) {
        return new Actor(Kind.SYSTEM, part);
    }

    /** Reads an actor back from its stored form, {@code kind:id} (the form {@link #toString()} writes). */
    public static Actor parse(String stored) {
        int colon = stored.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("not a stored actor: " + stored);
        }
        return new Actor(Kind.fromWord(stored.substring(0, colon)), stored.substring(colon + 1));
    }

    @Override
    public String toString() {
        return kind.word() + ":" + id;
    }
}
