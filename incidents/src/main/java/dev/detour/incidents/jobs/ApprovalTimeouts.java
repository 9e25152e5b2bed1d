package dev.detour.incidents.jobs;

import dev.detour.incidents.application.Approvals;
import dev.detour.incidents.lifecycle.Job;
import dev.detour.incidents.lifecycle.SingleWriter;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * A request for approval nobody approved within {@code detour.policy.approval-timeout} expires: nothing changes,
 * and its message in the thread says so (docs/routing.md, "Two-person rule"). One replica does it.
 */
@Singleton
public class ApprovalTimeouts {
    private final Approvals approvals;
    private final SingleWriter locks;

    public ApprovalTimeouts(Approvals approvals, SingleWriter locks) {
        this.approvals = approvals;
        this.locks = locks;
    }

    @Job("approval-timeouts")
    @Scheduled(fixedDelay = "${detour.policy.approval-check:5s}", initialDelay = "${detour.policy.approval-check:5s}")
    public void check() {
        if (!locks.holds("approval-timeouts")) {
            return; // another replica expires them
        }
        approvals.expireDue();
    }
}
