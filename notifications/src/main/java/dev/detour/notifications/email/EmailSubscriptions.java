package dev.detour.notifications.email;

import dev.detour.incidents.application.Outbox;
import dev.detour.incidents.application.Subscriptions;
import dev.detour.incidents.outbox.Once;
import dev.detour.incidents.outbox.OutboxDraft;
import dev.detour.incidents.subscription.EmailAddress;
import dev.detour.incidents.subscription.SubscribeOutcome;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Optional;

/**
 * Subscribing by email: the address is stored as pending and its confirmation email is written to the outbox in
 * the same transaction, so a stored request always gets its email, once.
 */
@Singleton
public class EmailSubscriptions {
    private final Subscriptions subscriptions;
    private final Outbox outbox;
    private final Clock clock;

    public EmailSubscriptions(Subscriptions subscriptions, Outbox outbox, Clock clock) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public SubscribeOutcome subscribe(EmailAddress address) {
        SubscribeOutcome outcome = subscriptions.subscribe(address, clock.instant());
        if (outcome instanceof SubscribeOutcome.ConfirmationDue due) {
            String subscriber = Long.toString(due.subscriber().id());
            // One confirmation per request that asks for one: the moment it was asked is part of what it is for.
            outbox.post(new OutboxDraft(EmailKind.CONFIRMATION, subscriber, Once.perFacts("confirm", subscriber,
                    due.subscriber().changedAt().toString()), "{}", Optional.empty()));
        }
        return outcome;
    }
}
