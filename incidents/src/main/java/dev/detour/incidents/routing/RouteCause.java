package dev.detour.incidents.routing;

/** Why a task class is on its route: the rule of {@link RoutePlanner} that decided it. */
public enum RouteCause {
    PRIMARY_AVAILABLE,
    AUTO_FAILOVER,
    CONSENT_PENDING,
    CONSENT_APPROVED,
    CONSENT_DENIED,
    STOP_POLICY,
    NO_MODEL_AVAILABLE,
    OVERRIDE_PIN,
    OVERRIDE_STOP,
    PINNED_MODEL_UNAVAILABLE
}
