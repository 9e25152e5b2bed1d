package dev.detour.incidents.signals;

import dev.detour.incidents.catalog.Target;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a health source says about a provider or model, at the moment it changes its mind: it started failing
 * ({@code firing}), or it stopped. Sources report changes only, so one problem is one signal, not one per sample.
 *
 * @param source  who says it: {@code gateway}, {@code alertmanager}, {@code statuspage:anthropic}
 * @param evidence what it saw, as data (the numbers, or the outside text); {@code messages} says it in words
 */
public record Signal(String source, List<Target> targets, boolean firing, Severity severity, Side side,
                     SignalEvidence evidence, Instant at) {

    /** How bad: it decides the kind of incident a signal opens. */
    public enum Severity {
        DEGRADED, DOWN
    }

    /** Whose problem it is: only the provider's own failures and capacity may switch a provider off. */
    public enum Side {
        PROVIDER, CAPACITY, OUR_SIDE;

        public boolean mayDisable() {
            return this != OUR_SIDE;
        }
    }

    public Signal {
        Objects.requireNonNull(source, "source");
        targets = List.copyOf(new java.util.TreeSet<>(targets));
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a signal is about at least one provider or model");
        }
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(evidence, "evidence");
        if (source.isBlank()) {
            throw new IllegalArgumentException("a signal needs a source");
        }
    }

    public static final String STATUSPAGE_PREFIX = "statuspage:";
}
