package dev.detour.incidents.catalog;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How big switch-offs are decided ({@code policy} in docs/configuration.md): whether they ask Confirm first,
 * whether a second on-call member must approve (a whole provider, and, with {@code second-approver-above: N}, a
 * switch-off that moves or pauses more than N task classes), and how long a request for approval stays open.
 */
public record PolicySettings(ConfirmPolicy confirm, SecondApproverPolicy secondApprover, Duration approvalTimeout,
                             OptionalInt secondApproverAbove) {
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
        Objects.requireNonNull(secondApproverAbove, "secondApproverAbove");
        if (secondApproverAbove.isPresent() && secondApproverAbove.getAsInt() < 0) {
            throw new IllegalArgumentException("second-approver-above must not be negative");
        }
    }

    /** Without {@code second-approver-above}: only a whole provider needs a second on-call member. */
    public PolicySettings(ConfirmPolicy confirm, SecondApproverPolicy secondApprover, Duration approvalTimeout) {
        this(confirm, secondApprover, approvalTimeout, OptionalInt.empty());
    }
}
