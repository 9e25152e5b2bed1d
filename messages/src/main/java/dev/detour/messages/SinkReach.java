package dev.detour.messages;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether the last flag change reached one push sink, for the root message's one line ("which apps obey",
 * docs/flags.md).
 *
 * @param at when it got there; empty unless reached
 */
public record SinkReach(String name, Reach reach, Optional<Instant> at) {
    public SinkReach {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reach, "reach");
        Objects.requireNonNull(at, "at");
    }

    public enum Reach {
        /** A webhook answered 2xx. */
        DELIVERED(WordKey.SINK_REACH_DELIVERED),
        /** A flagd file was written. */
        WRITTEN(WordKey.SINK_REACH_WRITTEN),
        /** A LiteLLM proxy shows it in /model/info. */
        VERIFIED(WordKey.SINK_REACH_VERIFIED),
        PENDING(WordKey.SINK_REACH_PENDING),
        FAILED(WordKey.SINK_REACH_FAILED);

        private final WordKey word;

        Reach(WordKey word) {
            this.word = word;
        }

        WordKey word() {
            return word;
        }
    }
}
