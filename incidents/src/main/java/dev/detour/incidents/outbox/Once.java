package dev.detour.incidents.outbox;

import java.util.List;

/**
 * What a delivery is unique for: the outbox writes a second draft with the same kind, destination and scope as
 * nothing. The outbox turns it into the row's idempotency key ({@link DeliveryKey}).
 */
public sealed interface Once {

    /** One row per event: {@code item} tells apart several rows one event makes for the same destination. */
    record PerEvent(int item) implements Once {
    }

    /**
     * One row per change (the transaction that writes it), whichever of its events asks: e.g. one support post
     * for a change that moves three task classes. {@code facts} tell apart rows of one change that differ.
     */
    record PerChange(List<String> facts) implements Once {
        public PerChange {
            facts = List.copyOf(facts);
        }
    }

    /**
     * One row for these facts, for as long as the row is kept: for deliveries no event causes (a reminder about
     * one silence) and for words that repeat what an earlier row already said. Facts must be scoped so that they
     * cannot come again once the row may be pruned (see {@code OutboxPruning}).
     */
    record PerFacts(List<String> facts) implements Once {
        public PerFacts {
            facts = List.copyOf(facts);
        }
    }

    static Once perEvent() {
        return new PerEvent(0);
    }

    static Once perEvent(int item) {
        return new PerEvent(item);
    }

    static Once perChange(String... facts) {
        return new PerChange(List.of(facts));
    }

    static Once perFacts(String... facts) {
        return new PerFacts(List.of(facts));
    }
}
