package dev.detour.incidents.catalog;

import java.time.Duration;
import java.util.Objects;

/**
 * How big switch-offs are decided ({@code policy} in docs/configuration.md): whether they ask Confirm first,
 * whether a second on-call member must approve, and how long a request for approval stays open.
 */
public record PolicySettings(ConfirmPolicy confirm, SecondApproverPolicy secondApprover, Duration approvalTimeout) {
    /** The defaults, in this one place: the config loader and the docs use them. */
    public static final PolicySettings DEFAULTS = new PolicySettings(ConfirmPolicy.PROVIDER,
            SecondApproverPolicy.NEVER, Duration.ofMinutes(10));

    public PolicySettings {
        Objects.requireNonNull(confirm, "confirm");
        Objects.requireNonNull(secondApprover, "secondApprover");
        Objects.requireNonNull(approvalTimeout, "approvalTimeout");
        if (approvalTimeout.isNegative() || approvalTimeout.isZero()) {
            throw new IllegalArgumentException("approval-timeout must be longer than zero");
        }
    }
}
