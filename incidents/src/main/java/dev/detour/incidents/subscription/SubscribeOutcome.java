package dev.detour.incidents.subscription;

/**
 * What a subscribe request leads to. The person at the form is told the same either way ("check your inbox"), so
 * the form never tells strangers whether an address is subscribed.
 */
public sealed interface SubscribeOutcome {

    /** A confirmation email is due: a new address, one that unsubscribed before, or a pending one asking again. */
    record ConfirmationDue(Subscriber subscriber) implements SubscribeOutcome {
    }

    /** Nothing to send: confirmed already, or a confirmation was sent moments ago (a form sent twice). */
    record NothingToSend() implements SubscribeOutcome {
    }
}
