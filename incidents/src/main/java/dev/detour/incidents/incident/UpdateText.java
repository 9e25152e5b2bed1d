package dev.detour.incidents.incident;

import java.util.Optional;

/**
 * What on-call wrote in one update, in two parts kept apart: {@code internal} for the incident's thread only, and
 * {@code customer} for the people outside the incident (the support channel, the public status page, its feed,
 * subscribers). Either part may be empty, never both once posted ({@link Incident#postUpdate} refuses that);
 * nothing reaches a customer unless a person wrote it into {@code customer}.
 */
public record UpdateText(String internal, String customer) {
    public UpdateText {
        internal = internal == null ? "" : internal.strip();
        customer = customer == null ? "" : customer.strip();
    }

    /** An update for the incident's thread only. */
    public static UpdateText internalOnly(String text) {
        return new UpdateText(text, "");
    }

    /** An update for customers (also shown in the thread, marked as what customers read). */
    public static UpdateText forCustomers(String text) {
        return new UpdateText("", text);
    }

    public boolean isEmpty() {
        return internal.isEmpty() && customer.isEmpty();
    }

    /** The customer part, when a person wrote one. */
    public Optional<String> customerPart() {
        return customer.isEmpty() ? Optional.empty() : Optional.of(customer);
    }

    /** The internal part, when there is one. */
    public Optional<String> internalPart() {
        return internal.isEmpty() ? Optional.empty() : Optional.of(internal);
    }
}
