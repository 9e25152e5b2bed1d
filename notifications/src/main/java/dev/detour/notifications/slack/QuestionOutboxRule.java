package dev.detour.notifications.slack;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.SlackSettings;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.Question;
import dev.detour.incidents.incident.QuestionSettlement;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.outbox.ChangeRule;
import dev.detour.incidents.outbox.Once;
import dev.detour.incidents.outbox.OutboxDraft;
import dev.detour.incidents.outbox.OutboxRule;
import dev.detour.incidents.recovery.RampMove;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteState;
import dev.detour.messages.Names;
import dev.detour.messages.ThreadQuestion;
import dev.detour.messages.Wording;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;

import java.util.ArrayList;

import java.util.List;
import java.util.Optional;

/**
 * The questions of an incident's thread: a row that posts each new question ({@link SlackKind#QUESTION}), and a row
 * for each event that settles or changes questions ({@link SlackKind#QUESTION_SETTLED}): an answer, a timeout, a
 * target switched, a signal that overtakes a suggestion, a ramp's move after its rollback, the incident resolved. Both are rendered when delivered,
 * from the state then, so a question never shows a button that would do nothing.
 */
@Singleton
@Order(2)
public class QuestionOutboxRule implements OutboxRule, ChangeRule {
    private final SlackSettings slack;
    private final ThreadQuestion questions;

    public QuestionOutboxRule(SlackSettings slack, Catalog catalog, Wording words) {
        this.slack = slack;
        this.questions = new ThreadQuestion(new Names(catalog), words);
    }

    @Override
    public List<OutboxDraft> draftsFor(DetourEvent event) {
        Optional<IncidentId> incident = event.incident();
        if (incident.isEmpty()) {
            return List.of();
        }
        String channel = slack.incidentChannel();
        List<OutboxDraft> drafts = new ArrayList<>();
        for (QuestionChange change : changes(event, incident.get())) {
            drafts.add(new OutboxDraft(SlackKind.QUESTION_SETTLED, channel, Once.perEvent(drafts.size()),
                    change.toJson(), incident));
        }
        return drafts;
    }

    /**
     * The questions the change asks, after what its events settled and after its decision reply (this rule is
     * ordered after {@link SlackOutboxRule}), so a reply that says "see the question below" has it below.
     */
    @Override
    public List<OutboxDraft> draftsForChange(List<DetourEvent> events) {
        List<OutboxDraft> drafts = new ArrayList<>();
        for (ThreadQuestion.Asking asking : questions.asks(events)) {
            IncidentId incident = asking.questions().get(0).incident();
            // Many routes back on their usual model in one change: one suggestion to move to Monitoring.
            Once once = asking.questions().get(0).kind() == Question.Kind.MONITOR ? Once.perChange("monitor-suggestion")
                    : Once.perChange("question", Integer.toString(drafts.size()));
            drafts.add(new OutboxDraft(SlackKind.QUESTION, slack.incidentChannel(), once,
                    new QuestionPost(asking).toJson(), Optional.of(incident)));
        }
        return drafts;
    }

    private static List<QuestionChange> changes(DetourEvent event, IncidentId incident) {
        if (event instanceof DetourEvent.RouteChanged route) {
            List<QuestionChange> found = new ArrayList<>();
            settledRoute(route, incident).ifPresent(found::add);
            if (route.before().map(before -> before.state() == RouteState.PRIMARY).orElse(false)
                    && route.after().state() != RouteState.PRIMARY) {
                found.add(new QuestionChange.LeftUsualModel(incident));
            }
            return found;
        }
        if (event instanceof DetourEvent.AvailabilityChanged availability) {
            return List.of(new QuestionChange.Switched(incident, availability.target(), availability.available(),
                    availability.actor(), availability.at()));
        }
        if (event instanceof DetourEvent.RampMoved ramp) {
            // A start settles the "switch it back on?" questions about its target, and any rollback question a
            // new ramp overtakes; a move after a rollback settles that rollback's question.
            List<QuestionChange> found = new ArrayList<>();
            if (ramp.move() instanceof RampMove.Started) {
                found.add(new QuestionChange.Ramping(incident, ramp.target(), ramp.actor(), ramp.at()));
            }
            if (followsRollback(ramp.move())) {
                found.add(new QuestionChange.RampSettled(incident, ramp.target(), new QuestionSettlement(
                        rollbackSettledBy(ramp.move()), ramp.actor(), ramp.at())));
            }
            return found;
        }
        if (event instanceof DetourEvent.SignalReceived received && (!received.signal().firing()
                || received.suggestion() == DetourEvent.SignalReceived.Suggestion.DISABLE)) {
            return List.of(new QuestionChange.Signalled(incident, received.signal().targets(),
                    received.signal().firing(), received.actor(), received.at()));
        }
        if (event instanceof DetourEvent.IncidentChanged changed) {
            List<QuestionChange> found = new ArrayList<>();
            for (TimelineEntry entry : changed.entries()) {
                if (entry.type() == TimelineEntry.Type.RESOLVED) {
                    found.add(new QuestionChange.Resolved(incident));
                } else if (entry.type() == TimelineEntry.Type.UPDATE) {
                    found.add(new QuestionChange.Updated(incident, entry.actor(), entry.at()));
                } else if (entry.detail() instanceof TimelineDetail.StateChanged state) {
                    found.add(new QuestionChange.StateChanged(incident, state.to(), entry.actor(), entry.at()));
                }
            }
            return found;
        }
        return List.of();
    }

    /** A task class left the question it was waiting on, or the way forward a timeout left open. */
    private static Optional<QuestionChange> settledRoute(DetourEvent.RouteChanged route, IncidentId incident) {
        Optional<Route> before = route.before();
        Route after = route.after();
        if (before.isEmpty() || after.state() == RouteState.AWAITING_CONSENT
                || (before.get().state() != RouteState.AWAITING_CONSENT && !before.get().cause().deniesOffer())) {
            return Optional.empty();
        }
        boolean wasAsking = before.get().state() == RouteState.AWAITING_CONSENT;
        QuestionSettlement.Outcome outcome = switch (after.cause()) {
            case CONSENT_APPROVED -> wasAsking ? QuestionSettlement.Outcome.APPROVED : done(route.actor());
            case CONSENT_DENIED -> wasAsking ? QuestionSettlement.Outcome.DENIED : done(route.actor());
            case CONSENT_TIMEOUT_APPROVED -> QuestionSettlement.Outcome.TIMED_OUT_APPROVED;
            case CONSENT_TIMEOUT_DENIED -> QuestionSettlement.Outcome.TIMED_OUT_DENIED;
            default -> done(route.actor());
        };
        return Optional.of(new QuestionChange.RouteSettled(incident, after.taskClass(),
                new QuestionSettlement(outcome, route.actor(), route.at())));
    }

    /** The moves that may follow a rollback (the others never meet an open rollback question). */
    private static boolean followsRollback(RampMove move) {
        return move instanceof RampMove.Retried || move instanceof RampMove.Aborted
                || move instanceof RampMove.Completed || move instanceof RampMove.Started;
    }

    /**
     * How a ramp's move settles the question its rollback asked (docs/recovery.md): Retry ramp (or {@code resume}),
     * Keep off (or {@code abort}), a person's {@code complete}; any other move overtakes it.
     */
    private static QuestionSettlement.Outcome rollbackSettledBy(RampMove move) {
        if (move instanceof RampMove.Retried) {
            return QuestionSettlement.Outcome.APPROVED;
        }
        if (move instanceof RampMove.Aborted) {
            return QuestionSettlement.Outcome.DENIED;
        }
        return move instanceof RampMove.Completed completed && completed.byPerson()
                ? QuestionSettlement.Outcome.DONE : QuestionSettlement.Outcome.OVERTAKEN;
    }

    /** A person moved the class themselves; anything else (the primary came back) made the question moot. */
    private static QuestionSettlement.Outcome done(Actor actor) {
        return actor.kind() == Actor.Kind.USER ? QuestionSettlement.Outcome.DONE : QuestionSettlement.Outcome.OVERTAKEN;
    }
}
