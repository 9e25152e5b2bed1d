package dev.detour.incidents.routing;

/** Why a task class is on its route: the rule of {@link RoutePlanner} that decided it. */
public enum RouteCause {
    PRIMARY_AVAILABLE,
    AUTO_FAILOVER,
    CONSENT_PENDING,
    CONSENT_APPROVED,
    CONSENT_DENIED,
    /** Nobody answered the fallback question in time: the task class's {@code on-timeout} answer was approve. */
    CONSENT_TIMEOUT_APPROVED,
    /** Nobody answered the fallback question in time: the task class's {@code on-timeout} answer was deny. */
    CONSENT_TIMEOUT_DENIED,
    STOP_POLICY,
    NO_MODEL_AVAILABLE,
    OVERRIDE_PIN,
    OVERRIDE_STOP,
    PINNED_MODEL_UNAVAILABLE;

    /** The fallback question was answered no: the class stays off the model it was offered. */
    public boolean deniesOffer() {
        return this == CONSENT_DENIED || this == CONSENT_TIMEOUT_DENIED;
    }

    /** Nobody answered the fallback question within the task class's {@code consent-timeout}. */
    public boolean consentTimedOut() {
        return this == CONSENT_TIMEOUT_APPROVED || this == CONSENT_TIMEOUT_DENIED;
    }
}
