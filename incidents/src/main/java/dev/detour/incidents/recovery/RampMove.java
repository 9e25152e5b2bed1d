package dev.detour.incidents.recovery;

/**
 * One thing that happened to a ramp, as data: what the audit records, the thread tells and the root message shows
 * (docs/recovery.md).
 */
public sealed interface RampMove {

    /** A short stable word for the audit record and metrics: {@code started}, {@code advanced}, ... */
    String word();

    /** Enabling a staged target began the ramp at its first step. */
    record Started(int percent) implements RampMove {
        @Override
        public String word() {
            return "started";
        }
    }

    /**
     * The hold passed and the next step began.
     *
     * @param withoutTraffic no gateway traffic was reported: it advanced because nothing was firing
     */
    record Advanced(int fromPercent, int toPercent, HoldEvidence evidence, boolean withoutTraffic) implements RampMove {
        @Override
        public String word() {
            return "advanced";
        }
    }

    /**
     * The hold passed without enough evidence to advance: the step is held again.
     *
     * @param first whether it is the step's first hold again (the thread says so once per step)
     */
    record Held(int percent, HoldEvidence evidence, int minRequests, boolean first) implements RampMove {
        @Override
        public String word() {
            return "held";
        }
    }

    /**
     * The step's evidence crossed a limit, or a source said the target fails again: back to 0% at once, and
     * on-call is asked.
     *
     * @param source the source that fired ({@code gateway}, {@code alertmanager}, {@code statuspage:openai}), for
     *               {@link RollbackCause#FIRING}
     */
    record RolledBack(int fromPercent, HoldEvidence evidence, RollbackCause cause, java.util.Optional<String> source)
            implements RampMove {
        @Override
        public String word() {
            return "rolled-back";
        }
    }

    /** The ramp reached 100%, by its last step or by a person's {@code complete}. */
    record Completed(int fromPercent, boolean byPerson, HoldEvidence evidence, boolean withoutTraffic)
            implements RampMove {
        @Override
        public String word() {
            return "completed";
        }
    }

    record Paused(int percent) implements RampMove {
        @Override
        public String word() {
            return "paused";
        }
    }

    record Resumed(int percent) implements RampMove {
        @Override
        public String word() {
            return "resumed";
        }
    }

    /** After a rollback, on-call pressed Retry ramp: back to the first step. */
    record Retried(int percent) implements RampMove {
        @Override
        public String word() {
            return "retried";
        }
    }

    /** Ended with the target left off: by {@code abort}, or by Keep off after a rollback. */
    record Aborted(int fromPercent, boolean keptOffAfterRollback) implements RampMove {
        @Override
        public String word() {
            return "aborted";
        }
    }

    /** Why a ramp rolled back. */
    enum RollbackCause {
        /** The window's error rate reached the detection's {@code open-error-rate}. */
        ERROR_RATE,
        /** The window's p95 latency reached the detection's {@code p95-latency-ms}. */
        LATENCY,
        /** A source (gateway, status page, Alertmanager) signalled the target failing again. */
        FIRING
    }
}
