package dev.detour.incidents.jobs;

import dev.detour.incidents.application.RouteService;
import dev.detour.incidents.application.RoutingOutcome;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.lifecycle.Job;
import dev.detour.incidents.lifecycle.SingleWriter;
import dev.detour.incidents.queries.StatusService;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.routing.RouteState;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;

/**
 * A fallback question nobody answers within its task class's {@code consent-timeout} takes the class's
 * {@code on-timeout} answer ({@code deny} unless configured otherwise, so nothing moves without a person).
 */
@Singleton
public class ConsentTimeouts {
    public static final Actor POLICY = Actor.policy("consent-timeout");
    private static final Logger LOG = LoggerFactory.getLogger(ConsentTimeouts.class);

    private final StatusService status;
    private final RouteService routes;
    private final Catalog catalog;
    private final Clock clock;

    private final SingleWriter locks;

    public ConsentTimeouts(StatusService status, RouteService routes, Catalog catalog, Clock clock,
                           SingleWriter locks) {
        this.locks = locks;
        this.status = status;
        this.routes = routes;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Job("consent-timeouts")
    @Scheduled(fixedDelay = "${detour.consent.check:5s}", initialDelay = "${detour.consent.check:5s}")
    public void check() {
        if (!locks.holds("consent-timeouts")) {
            return; // another replica answers for the policy
        }
        Instant now = clock.instant();
        for (DetourStatus.TaskClassStatus taskClass : status.current().taskClasses()) {
            if (taskClass.current().state() != RouteState.AWAITING_CONSENT || taskClass.since().isEmpty()) {
                continue;
            }
            TaskClass policy = catalog.taskClass(taskClass.id()).orElseThrow();
            if (!taskClass.since().get().plus(policy.consentTimeout()).isAfter(now)) {
                RoutingOutcome outcome = routes.consentTimedOut(taskClass.id(), policy.onTimeout(), POLICY);
                if (outcome instanceof RoutingOutcome.Rejected rejected) {
                    LOG.info("consent timeout of {} not applied: {}", taskClass.id(), rejected.refusal());
                }
            }
        }
    }
}
