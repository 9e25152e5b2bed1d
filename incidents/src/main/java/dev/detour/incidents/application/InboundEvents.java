package dev.detour.incidents.application;

import dev.detour.incidents.ports.InboundEventLog;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Remembers deliveries from outside by their sender's id, so a retried delivery is handled once. */
@Singleton
public class InboundEvents {
    private final InboundEventLog handled;
    private final Clock clock;

    public InboundEvents(InboundEventLog handled, Clock clock) {
        this.handled = handled;
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
        return handled.remember(source, id, clock.instant());
    }
}
