package dev.detour.incidents.approval;

import dev.detour.incidents.catalog.EnumWords;

import java.util.Objects;

/** Whether a press of Approve (or Review) counts: granted, or refused with its reason as data. */
public sealed interface ApprovalDecision permits ApprovalDecision.Granted, ApprovalDecision.Refused {

    record Granted() implements ApprovalDecision {
    }

    record Refused(Reason reason) implements ApprovalDecision {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a press was refused; {@link #word()} is how the audit record names it ({@code approval.refused}). */
    enum Reason {
        /** The person who asked (or applied at once) pressed it. */
        SELF,
        /** The person is not on call. */
        NOT_ON_CALL,
        /** The request was open longer than {@code approval-timeout}. */
        EXPIRED,
        /** The routing state moved since the preview: a new preview instead. */
        STATE_MOVED,
        /** Approved, expired, reviewed or replaced already. */
        SETTLED;

        public String word() {
            return EnumWords.of(this);
        }
    }
}
