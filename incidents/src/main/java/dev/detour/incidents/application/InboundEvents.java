package dev.detour.incidents.application;

import dev.detour.incidents.persistence.InboundEventRepository;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Remembers deliveries from outside by their sender's id, so a retried delivery is handled once. */
@Singleton
public class InboundEvents {
    private final InboundEventRepository rows;
    private final Clock clock;

    public InboundEvents(InboundEventRepository rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    /**
     * Joins the caller's transaction: called in the transaction that handles the delivery, the delivery is
     * remembered exactly when its effects commit, so a delivery that failed is handled again when retried.
     *
     * @param id the sender's id, of any length
     * @return true the first time {@code source:id} is seen, on any replica; false for every repeat
     */
    @Transactional
    public boolean firstTime(String source, String id) {
        return rows.insertIfAbsent(source, id, clock.instant()) == 1;
    }
}
