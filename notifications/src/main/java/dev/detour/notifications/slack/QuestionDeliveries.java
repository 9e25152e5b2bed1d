package dev.detour.notifications.slack;

import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentState;
import dev.detour.incidents.incident.Question;
import dev.detour.incidents.incident.QuestionSettlement;
import dev.detour.incidents.outbox.OutboxEntry;
import dev.detour.incidents.ports.ThreadQuestions;
import dev.detour.incidents.queries.StatusService;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.messages.Names;
import dev.detour.messages.ThreadQuestion;
import dev.detour.messages.Wording;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Delivers the question rows for {@link SlackDispatcher}: renders a question from the state when it is posted and
 * remembers where it went; applies a {@link QuestionChange} to the questions it settles and edits every message
 * whose questions it touched (rendered again from the state now, so buttons that make no sense any more go).
 */
@Singleton
public class QuestionDeliveries {
    private final ThreadQuestions questions;
    private final IncidentService incidents;
    private final StatusService status;
    private final Catalog catalog;
    private final ThreadQuestion render;
    private final Clock clock;

    public QuestionDeliveries(ThreadQuestions questions, IncidentService incidents, StatusService status,
                              Catalog catalog, Wording words, Clock clock) {
        this.questions = questions;
        this.incidents = incidents;
        this.status = status;
        this.catalog = catalog;
        this.render = new ThreadQuestion(new Names(catalog), words);
        this.clock = clock;
    }

    /**
     * Posts the question of a {@link SlackKind#QUESTION} row, rendered as it should look now. A suggestion to move
     * to Monitoring that makes no sense by now is not posted (delivered without a ts); one asked already is edited
     * where it is instead.
     */
    SendResult post(OutboxEntry row, IncidentId incident, String channel, Optional<String> threadTs,
                    SlackSender slack, PostMark mark) {
        ThreadQuestion.Asking asking = QuestionPost.fromJson(row.payload()).asking();
        DetourStatus now = status.current();
        Question first = asking.questions().get(0);
        if (first.kind() == Question.Kind.MONITOR) {
            Optional<ThreadQuestions.Asked> asked = questions.find(first).filter(earlier -> !earlier.closed());
            if (asked.isPresent()) { // asked already: shown again as it should look now, not asked twice
                return edit(asked.get().channel(), incident, asked.get().ts(), slack);
            }
            if (!ThreadQuestion.monitoringMakesSense(incident, now)) {
                return new SendResult.Delivered(channel, "");
            }
        }
        return slack.post(channel, threadTs, SlackPayload.of(render.render(ThreadQuestion.justAsked(asking, channel,
                "", clock.instant()), now, open(incident))), mark);
    }

    /**
     * The question was posted at {@code ts}: remembered there. A question asked again on a new message is closed
     * on its old one first, so the old message keeps no button for it.
     */
    void posted(OutboxEntry row, String channel, String ts, SlackSender slack) {
        if (ts.isEmpty()) {
            return; // not posted: nothing to remember
        }
        ThreadQuestion.Asking asking = QuestionPost.fromJson(row.payload()).asking();
        for (Question question : asking.questions()) {
            Optional<ThreadQuestions.Asked> earlier = questions.find(question);
            if (earlier.isPresent() && !earlier.get().ts().equals(ts) && !earlier.get().closed()) {
                questions.close(question);
                edit(earlier.get().channel(), question.incident(), earlier.get().ts(), slack);
            }
            questions.asked(question, channel, ts, asking.context(), asking.offered(), clock.instant());
        }
    }

    /**
     * Applies the change of a {@link SlackKind#QUESTION_SETTLED} row and edits each message it touched.
     *
     * @return delivered when every edit was made (or none was needed), else the first edit's failure
     */
    SendResult settle(OutboxEntry row, SlackSender slack) {
        QuestionChange change = QuestionChange.fromJson(row.payload());
        IncidentId incident = change.incident();
        Map<String, String> touched = new LinkedHashMap<>(); // ts -> channel
        for (ThreadQuestions.Asked asked : affected(change)) {
            apply(change, asked);
            touched.put(asked.ts(), asked.channel());
        }
        SendResult result = new SendResult.Delivered(row.destination(), "");
        for (Map.Entry<String, String> message : touched.entrySet()) {
            SendResult edited = edit(message.getValue(), incident, message.getKey(), slack);
            if (!(edited instanceof SendResult.Delivered)) {
                return edited;
            }
            result = edited;
        }
        return result;
    }

    private SendResult edit(String channel, IncidentId incident, String ts, SlackSender slack) {
        List<ThreadQuestions.Asked> onMessage = questions.onMessage(incident, ts);
        if (onMessage.isEmpty()) {
            return new SendResult.Delivered(channel, ts);
        }
        return slack.update(channel, ts, SlackPayload.of(render.render(onMessage, status.current(), open(incident))));
    }

    /** The questions a change may touch: settled by it, or whose buttons depend on what it changed. */
    private List<ThreadQuestions.Asked> affected(QuestionChange change) {
        IncidentId incident = change.incident();
        if (change instanceof QuestionChange.RouteSettled route) {
            return questions.find(Question.consent(incident, route.taskClass())).stream().toList();
        }
        List<ThreadQuestions.Asked> notClosed = questions.notClosed(incident);
        if (change instanceof QuestionChange.RampSettled ramp) {
            return notClosed.stream().filter(asked -> asked.question().kind() == Question.Kind.ROLLBACK
                    && asked.question().target().filter(ramp.target()::equals).isPresent()).toList();
        }
        if (change instanceof QuestionChange.Switched switched) {
            return notClosed.stream().filter(QuestionDeliveries::asksToSwitch).filter(asked -> asked.question().target()
                    .map(target -> target.equals(switched.target()) || belongsTo(target, switched.target()))
                    .orElse(false)).toList();
        }
        if (change instanceof QuestionChange.Ramping ramping) {
            return notClosed.stream().filter(asked -> asked.question().kind() == Question.Kind.SWITCH_ON
                    && asked.question().target().map(target -> target.equals(ramping.target())
                    || belongsTo(target, ramping.target())).orElse(false)).toList();
        }
        if (change instanceof QuestionChange.LeftUsualModel) {
            return notClosed.stream().filter(asked -> asked.question().kind() == Question.Kind.MONITOR).toList();
        }
        if (change instanceof QuestionChange.Updated) {
            return notClosed.stream().filter(asked -> asked.question().kind() == Question.Kind.POST_UPDATE).toList();
        }
        if (change instanceof QuestionChange.StateChanged) {
            return notClosed.stream().filter(asked -> asked.question().kind() == Question.Kind.MONITOR
                    || asked.question().kind() == Question.Kind.RESOLVE).toList();
        }
        if (change instanceof QuestionChange.Signalled signalled) {
            return notClosed.stream().filter(QuestionDeliveries::asksToSwitch).filter(asked -> asked.question().target()
                    .map(signalled.targets()::contains).orElse(false)).toList();
        }
        return notClosed;
    }

    private void apply(QuestionChange change, ThreadQuestions.Asked asked) {
        Question question = asked.question();
        if (change instanceof QuestionChange.Resolved) {
            questions.close(question);
            return;
        }
        if (asked.closed() || asked.settlement().map(s -> !s.outcome().leavesWayForward()).orElse(false)) {
            return; // settled for good: the first answer stands
        }
        if (change instanceof QuestionChange.Updated updated) {
            questions.settle(question, new QuestionSettlement(QuestionSettlement.Outcome.DONE, updated.by(),
                    updated.at()), true);
        } else if (change instanceof QuestionChange.StateChanged state) {
            if (question.kind() == Question.Kind.MONITOR && state.to() == IncidentState.MONITORING) {
                questions.settle(question, new QuestionSettlement(QuestionSettlement.Outcome.DONE, state.by(),
                        state.at()), true);
            } else if (question.kind() == Question.Kind.RESOLVE && state.to() != IncidentState.MONITORING) {
                questions.close(question);
            }
        } else if (change instanceof QuestionChange.RouteSettled route) {
            questions.settle(question, route.settlement(), !route.settlement().outcome().leavesWayForward());
        } else if (change instanceof QuestionChange.RampSettled ramp) {
            questions.settle(question, ramp.settlement(), true);
        } else if (change instanceof QuestionChange.Switched switched) {
            Target target = question.target().orElseThrow();
            boolean asksOff = question.kind() == Question.Kind.SWITCH_OFF;
            if (target.equals(switched.target())) {
                settle(question, asksOff != switched.available() ? QuestionSettlement.Outcome.DONE
                        : QuestionSettlement.Outcome.OVERTAKEN, switched);
            } else if (asksOff && !switched.available()) {
                settle(question, QuestionSettlement.Outcome.DONE, switched); // switched off with its provider
            } else if (!asksOff && switched.available() && belongsTo(target, switched.target())
                    && modelSwitchedOn(target)) {
                settle(question, QuestionSettlement.Outcome.DONE, switched); // its provider came back on
            }
        } else if (change instanceof QuestionChange.Ramping ramping) {
            questions.settle(question, new QuestionSettlement(QuestionSettlement.Outcome.RAMPING, ramping.by(),
                    ramping.at()), true);
        } else if (change instanceof QuestionChange.Signalled signalled) {
            boolean asksOff = question.kind() == Question.Kind.SWITCH_OFF;
            if (asksOff != signalled.firing()) {
                questions.settle(question, new QuestionSettlement(QuestionSettlement.Outcome.OVERTAKEN,
                        signalled.by(), signalled.at()), true);
            }
        }
    }

    /** A signal's suggestion to switch a target off or back on (not a ramp's question about the same target). */
    private static boolean asksToSwitch(ThreadQuestions.Asked asked) {
        return asked.question().kind() == Question.Kind.SWITCH_OFF || asked.question().kind() == Question.Kind.SWITCH_ON;
    }

    private void settle(Question question, QuestionSettlement.Outcome outcome, QuestionChange.Switched switched) {
        questions.settle(question, new QuestionSettlement(outcome, switched.by(), switched.at()), true);
    }

    /** Whether {@code target} is a model of the provider {@code other}. */
    private boolean belongsTo(Target target, Target other) {
        return target instanceof Target.OfModel model && other instanceof Target.OfProvider provider
                && catalog.providerOf(model.model()).equals(provider.provider());
    }

    /** Whether the model itself is switched on (its own switch: its provider's is the change being settled). */
    private boolean modelSwitchedOn(Target target) {
        DetourStatus now = status.current();
        return target instanceof Target.OfModel model && now.models().stream()
                .anyMatch(m -> m.id().equals(model.model()) && m.available());
    }

    private boolean open(IncidentId incident) {
        return incidents.find(incident).map(found -> found.state() != IncidentState.RESOLVED).orElse(false);
    }
}
