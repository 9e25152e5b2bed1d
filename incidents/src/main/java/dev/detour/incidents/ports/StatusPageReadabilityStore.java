package dev.detour.incidents.ports;

import dev.detour.incidents.catalog.ProviderId;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The status pages that could not be read at their last poll, shared by every replica: the one that polls a page
 * writes, all read (docs/signals.md, "Status page unreadable").
 */
public interface StatusPageReadabilityStore {

    /**
     * @param reason what the last failed poll found, as a person reads it
     * @param since  when the page first failed in a row
     */
    record Unreadable(String reason, Instant since) {
        public Unreadable {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(since, "since");
        }
    }

    /** The page read again: it is no longer unreadable. */
    void readable(ProviderId provider);

    /** The page failed at {@code at}: a first failure in a row starts {@code since}, a later one keeps it. */
    void unreadable(ProviderId provider, String reason, Instant at);

    /** Every page unreadable now. */
    Map<ProviderId, Unreadable> unreadable();
}
