package dev.detour.messages;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentState;
import dev.detour.incidents.incident.Question;
import dev.detour.incidents.incident.QuestionSettlement;
import dev.detour.incidents.ports.ThreadQuestions;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.recovery.RampMove;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteReason;
import dev.detour.incidents.routing.RouteState;
import dev.detour.incidents.signals.Signal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * The questions Detour asks in an incident's thread, as they are now: open with the buttons that still make sense,
 * or settled ("Approved by @alice at 07:18 — Code migration plans now on GPT-5"), with no button left that would do
 * nothing (docs/slack.md, "Questions"). A message is rendered from the questions it carries, how each was settled
 * and the current state, whenever it is posted or edited.
 */
public final class ThreadQuestion {
    private final Names names;
    private final Wording words;
    private final SignalEvidenceText evidence;
    private final RampText ramps;

    public ThreadQuestion(Names names, Wording words) {
        this.names = names;
        this.words = words;
        this.ramps = new RampText(names, words);
        this.evidence = new SignalEvidenceText(words, provider -> names.target(Target.provider(provider)));
    }

    /**
     * What an event asks on-call, if anything.
     *
     * @param context what the message says besides the question: kept when the question is settled
     */
    public record Asking(List<Question> questions, String context, Optional<ModelId> offered) {
        public Asking {
            questions = List.copyOf(questions);
        }
    }

    /** The question an event asks: a fallback that needs consent, or a signal's suggestion to switch targets. */
    public Optional<Asking> asks(DetourEvent event) {
        if (event instanceof DetourEvent.RouteChanged route && route.incident().isPresent()
                && route.after().state() == RouteState.AWAITING_CONSENT) {
            return Optional.of(new Asking(List.of(Question.consent(route.incident().get(), route.after().taskClass())),
                    consentContext(route), route.after().offered()));
        }
        if (event instanceof DetourEvent.RouteChanged route && route.incident().isPresent()
                && route.after().state() == RouteState.PRIMARY) {
            // Posted only if every feature is back on its usual model when it is delivered (see render).
            return Optional.of(new Asking(List.of(Question.monitor(route.incident().get())),
                    words.get(WordKey.QUESTION_MONITOR), Optional.empty()));
        }
        if (event instanceof DetourEvent.RampMoved moved && moved.incident().isPresent()
                && moved.move() instanceof RampMove.RolledBack) {
            // The rollback's reply is the question: its words stay, the ask and the buttons go once settled.
            return Optional.of(new Asking(List.of(Question.rollback(moved.incident().get(), moved.target())),
                    ramps.reply(moved, moved.at()), Optional.empty()));
        }
        if (event instanceof DetourEvent.SignalReceived received && received.incident().isPresent()
                && received.suggestion() != DetourEvent.SignalReceived.Suggestion.NONE) {
            IncidentId incident = received.incident().get();
            boolean off = received.suggestion() == DetourEvent.SignalReceived.Suggestion.DISABLE;
            List<Question> questions = received.signal().targets().stream().limit(Limits.ACTIONS_ELEMENTS)
                    .map(target -> off ? Question.switchOff(incident, target) : Question.switchOn(incident, target))
                    .toList();
            return Optional.of(new Asking(questions, signalLine(received.signal()), Optional.empty()));
        }
        return Optional.empty();
    }

    /**
     * The questions one change asks, in order: signals of one source that suggest the same switch are one message
     * with a button per target (a burst of signals is one question, as it is one reply); the same question asked
     * by several events of the change (Monitoring, after every feature came back) is asked once.
     */
    public List<Asking> asks(List<? extends DetourEvent> change) {
        List<Asking> asked = new ArrayList<>();
        Map<List<Object>, List<DetourEvent.SignalReceived>> bursts = new LinkedHashMap<>();
        for (DetourEvent event : change) {
            if (event instanceof DetourEvent.SignalReceived received && received.incident().isPresent()
                    && received.suggestion() != DetourEvent.SignalReceived.Suggestion.NONE) {
                bursts.computeIfAbsent(List.of(received.incident().get(), received.signal().source(),
                        received.suggestion()), key -> new ArrayList<>()).add(received);
            } else {
                asks(event).filter(asking -> !asked.contains(asking)).ifPresent(asked::add);
            }
        }
        for (List<DetourEvent.SignalReceived> burst : bursts.values()) {
            IncidentId incident = burst.get(0).incident().orElseThrow();
            boolean off = burst.get(0).suggestion() == DetourEvent.SignalReceived.Suggestion.DISABLE;
            List<Question> questions = burst.stream().flatMap(received -> received.signal().targets().stream())
                    .distinct().limit(Limits.ACTIONS_ELEMENTS)
                    .map(target -> off ? Question.switchOff(incident, target) : Question.switchOn(incident, target))
                    .toList();
            asked.add(new Asking(questions, signalLine(burst.stream().map(DetourEvent.SignalReceived::signal)
                    .toList()), Optional.empty()));
        }
        return asked;
    }

    /** Suggests resolving an incident that has been in Monitoring for {@code quiet}. */
    public Asking resolveSuggestion(IncidentId incident, Duration quiet) {
        return new Asking(List.of(Question.resolve(incident)), words.get(WordKey.QUESTION_RESOLVE,
                words.duration(quiet)), Optional.empty());
    }

    /** Reminds on-call that users are affected and support has heard nothing for {@code silence}. */
    public Asking updateReminder(IncidentId incident, Duration silence) {
        return new Asking(List.of(Question.postUpdate(incident)), ":hourglass: " + words.get(WordKey.NUDGE_TEXT,
                words.duration(silence)), Optional.empty());
    }

    /**
     * Whether a suggestion to move to Monitoring makes sense now: the incident is open and not in Monitoring yet,
     * and every feature is back on its usual model.
     */
    public static boolean monitoringMakesSense(IncidentId incident, DetourStatus now) {
        return now.openIncidents().stream().anyMatch(open -> open.id().equals(incident)
                && (open.state() == IncidentState.INVESTIGATING || open.state() == IncidentState.IDENTIFIED))
                && now.taskClasses().stream().allMatch(taskClass -> taskClass.current().state() == RouteState.PRIMARY);
    }

    /**
     * One message with its questions, as it should look now.
     *
     * @param asked        the questions of one message (one consent question, or a signal's switch questions)
     * @param incidentOpen whether their incident is still open: nothing is pressed on a resolved incident's messages
     */
    public SlackMessage render(List<ThreadQuestions.Asked> asked, DetourStatus now, boolean incidentOpen) {
        if (asked.isEmpty()) {
            throw new IllegalArgumentException("a question message needs a question");
        }
        ThreadQuestions.Asked first = asked.get(0);
        return switch (first.question().kind()) {
            case CONSENT -> consent(first, now, incidentOpen);
            case SWITCH_OFF, SWITCH_ON -> switches(asked, now, incidentOpen);
            case MONITOR -> monitor(first, now, incidentOpen);
            case RESOLVE -> resolve(first, now, incidentOpen);
            case POST_UPDATE -> postUpdate(first, now, incidentOpen);
            case ROLLBACK -> rollback(first, now, incidentOpen);
        };
    }

    // ---- a ramp that rolled back

    /**
     * "GPT-5 is back to 0% of traffic: ..." and, while the ramp still waits at 0%, "Retry the ramp or keep it off?"
     * with Retry ramp and Keep off; once settled, who settled it and how ("Retried by @alice at 12:52 — ramp back
     * at 10%"), with no button (docs/recovery.md).
     */
    private SlackMessage rollback(ThreadQuestions.Asked asked, DetourStatus now, boolean incidentOpen) {
        Target target = asked.question().target().orElseThrow();
        String name = SlackText.escape(names.target(target));
        if (asked.settlement().isPresent()) {
            QuestionSettlement settled = asked.settlement().get();
            String who = who(settled.by());
            String when = SlackTime.slack(settled.at(), now.at());
            String line = switch (settled.outcome()) {
                case APPROVED -> words.get(WordKey.QUESTION_ROLLBACK_RETRIED, who, when,
                        names.catalog().recoveryOf(target).steps().get(0));
                case DENIED -> words.get(WordKey.QUESTION_ROLLBACK_KEPT_OFF, who, when, name);
                case DONE -> words.get(WordKey.QUESTION_ROLLBACK_COMPLETED, who, when, name);
                default -> words.get(WordKey.QUESTION_ROLLBACK_OVERTAKEN, name);
            };
            return SlackMessage.plain(Limits.clip(asked.context() + "\n" + line, Limits.SECTION_TEXT));
        }
        boolean waiting = now.rampOf(target).map(share -> share.percent() == 0).orElse(false);
        if (!incidentOpen || asked.closed()) {
            return SlackMessage.plain(Limits.clip(asked.context() + (waiting ? "\n" + words.get(
                    WordKey.QUESTION_ROLLBACK_CLOSED, name, target.id()) : ""), Limits.SECTION_TEXT));
        }
        if (!waiting) {
            return SlackMessage.plain(asked.context());
        }
        return withButtons(asked.context() + "\n" + words.get(WordKey.QUESTION_ROLLBACK_ASK),
                ramps.rollbackButtons(target));
    }

    // ---- the incident's own state

    private SlackMessage monitor(ThreadQuestions.Asked asked, DetourStatus now, boolean incidentOpen) {
        IncidentId incident = asked.question().incident();
        if (asked.settlement().isPresent()) {
            QuestionSettlement settled = asked.settlement().get();
            return SlackMessage.plain(settled.outcome() == QuestionSettlement.Outcome.DONE
                    ? asked.context() + "\n" + words.get(WordKey.QUESTION_MONITOR_DONE, who(settled.by()),
                    SlackTime.slack(settled.at(), now.at())) : asked.context());
        }
        if (!incidentOpen || asked.closed() || !monitoringMakesSense(incident, now)) {
            return SlackMessage.plain(asked.context());
        }
        return withButtons(asked.context() + "\n" + words.get(WordKey.QUESTION_MONITOR_ASK), List.of(
                button(b -> b.actionId(Interactions.CHANGE_STATE).style("primary")
                        .text(plainText(words.get(WordKey.QUESTION_BUTTON_MONITOR)))
                        .value(incident + " " + IncidentState.MONITORING.word()))));
    }

    private SlackMessage postUpdate(ThreadQuestions.Asked asked, DetourStatus now, boolean incidentOpen) {
        if (asked.settlement().isPresent()) {
            QuestionSettlement settled = asked.settlement().get();
            return SlackMessage.plain(asked.context() + "\n" + words.get(WordKey.QUESTION_UPDATE_POSTED,
                    who(settled.by()), SlackTime.slack(settled.at(), now.at())));
        }
        if (!incidentOpen || asked.closed()) {
            return SlackMessage.plain(asked.context());
        }
        return withButtons(asked.context(), List.of(button(b -> b.actionId(Interactions.POST_UPDATE)
                .text(plainText(words.get(WordKey.NUDGE_BUTTON))).value(asked.question().incident().toString()))));
    }

    private SlackMessage resolve(ThreadQuestions.Asked asked, DetourStatus now, boolean incidentOpen) {
        IncidentId incident = asked.question().incident();
        boolean monitoring = now.openIncidents().stream()
                .anyMatch(open -> open.id().equals(incident) && open.state() == IncidentState.MONITORING);
        if (asked.settlement().isPresent() || !incidentOpen || asked.closed() || !monitoring) {
            return SlackMessage.plain(asked.context());
        }
        return withButtons(asked.context() + "\n" + words.get(WordKey.QUESTION_RESOLVE_ASK), List.of(
                button(b -> b.actionId(Interactions.RESOLVE).style("primary")
                        .text(plainText(words.get(WordKey.QUESTION_BUTTON_RESOLVE))).value(incident.toString()))));
    }

    // ---- consent

    /** The open question's words: what is paused, why, the model offered, and what happens without an answer. */
    private String consentContext(DetourEvent.RouteChanged route) {
        TaskClass taskClass = names.catalog().taskClass(route.after().taskClass()).orElseThrow();
        String offered = route.after().offered().map(names::model)
                .orElseGet(() -> words.get(WordKey.REPLY_CONSENT_NEXT_MODEL));
        String timeout = words.duration(taskClass.consentTimeout());
        String onTimeout = words.get(WordKey.answer(taskClass.onTimeout()));
        int room = Limits.room(Limits.SECTION_TEXT, words.get(WordKey.REPLY_CONSENT_QUESTION, taskClass.name(),
                taskClass.id().value(), names.model(taskClass.primary()), " ()", offered, timeout, onTimeout));
        String text = words.get(WordKey.REPLY_CONSENT_QUESTION, taskClass.name(), taskClass.id().value(),
                names.model(taskClass.primary()),
                route.reason().map(reason -> " (" + SlackText.escape(reason(reason), room) + ")").orElse(""),
                offered, timeout, onTimeout);
        return Limits.clip(text, Limits.SECTION_TEXT);
    }

    private SlackMessage consent(ThreadQuestions.Asked asked, DetourStatus now, boolean incidentOpen) {
        TaskClassId id = asked.question().taskClass().orElseThrow();
        Optional<DetourStatus.TaskClassStatus> status = now.taskClasses().stream()
                .filter(taskClass -> taskClass.id().equals(id)).findFirst();
        Optional<Route> route = status.map(DetourStatus.TaskClassStatus::current);
        boolean awaiting = route.map(r -> r.state() == RouteState.AWAITING_CONSENT).orElse(false);
        String taskClass = names.taskClass(id);
        String offered = asked.offered().map(names::model).orElseGet(() -> words.get(WordKey.REPLY_CONSENT_NEXT_MODEL));
        Optional<QuestionSettlement> settlement = asked.settlement();
        if (settlement.isEmpty()) {
            if (awaiting && incidentOpen && !asked.closed()) {
                return withButtons(asked.context(), List.of(
                        button(b -> b.actionId(Interactions.CONSENT_APPROVE).style("primary")
                                .text(plainText(Limits.clip(words.get(WordKey.REPLY_CONSENT_APPROVE, offered),
                                        Limits.BUTTON_TEXT)))
                                .value(id.value())),
                        button(b -> b.actionId(Interactions.CONSENT_DENY).style("danger")
                                .text(plainText(words.get(WordKey.REPLY_CONSENT_DENY))).value(id.value()))));
            }
            String where = route.map(r -> names.route(r, words)).orElse("");
            return SlackMessage.plain(words.get(incidentOpen && !asked.closed() ? WordKey.QUESTION_CONSENT_OVERTAKEN
                    : WordKey.QUESTION_CONSENT_CLOSED, taskClass, where));
        }
        QuestionSettlement settled = settlement.get();
        String who = who(settled.by());
        String when = SlackTime.slack(settled.at(), now.at());
        String timeout = names.catalog().taskClass(id).map(t -> words.duration(t.consentTimeout())).orElse("");
        String text = switch (settled.outcome()) {
            case APPROVED -> words.get(WordKey.QUESTION_CONSENT_APPROVED, who, when, taskClass, offered);
            case DENIED -> words.get(WordKey.QUESTION_CONSENT_DENIED, who, when, taskClass);
            case TIMED_OUT_APPROVED -> words.get(WordKey.QUESTION_CONSENT_TIMED_OUT_APPROVED, timeout, taskClass,
                    offered);
            case TIMED_OUT_DENIED -> words.get(WordKey.QUESTION_CONSENT_TIMED_OUT_DENIED, timeout, taskClass);
            case DONE -> words.get(WordKey.QUESTION_CONSENT_DONE, who, when, taskClass,
                    route.map(r -> names.route(r, words)).orElse(""));
            case OVERTAKEN, RAMPING -> words.get(WordKey.QUESTION_CONSENT_OVERTAKEN, taskClass,
                    route.map(r -> names.route(r, words)).orElse(""));
        };
        boolean wayForward = settled.outcome().leavesWayForward() && incidentOpen && !asked.closed()
                && asked.offered().isPresent() && !route.map(r -> r.state().serves()).orElse(true)
                && usable(asked.offered().get(), now);
        if (!wayForward) {
            return SlackMessage.plain(text);
        }
        ModelId model = asked.offered().get();
        return withButtons(text, List.of(button(b -> b.actionId(Interactions.MOVE_NOW)
                .text(plainText(Limits.clip(words.get(WordKey.QUESTION_BUTTON_MOVE_NOW, names.model(model)),
                        Limits.BUTTON_TEXT)))
                .value(id.value() + " " + model.value()))));
    }

    // ---- switch off / back on

    private SlackMessage switches(List<ThreadQuestions.Asked> asked, DetourStatus now, boolean incidentOpen) {
        List<String> lines = new ArrayList<>();
        Map<String, BlockElement> buttons = new LinkedHashMap<>(); // one button per target it acts on
        boolean off = asked.get(0).question().kind() == Question.Kind.SWITCH_OFF;
        IncidentId incident = asked.get(0).question().incident();
        for (ThreadQuestions.Asked question : asked) {
            Target target = question.question().target().orElseThrow();
            String name = names.target(target);
            if (question.settlement().isPresent()) {
                QuestionSettlement settled = question.settlement().get();
                String who = who(settled.by());
                String when = SlackTime.slack(settled.at(), now.at());
                lines.add(switch (settled.outcome()) {
                    case DONE -> words.get(off ? WordKey.QUESTION_SWITCHED_OFF : WordKey.QUESTION_SWITCHED_ON, name,
                            who, when);
                    case RAMPING -> words.get(WordKey.QUESTION_RAMPING, name, who, when);
                    default -> words.get(off ? WordKey.QUESTION_RECOVERED : WordKey.QUESTION_NO_LONGER_NEEDED, name);
                });
                continue;
            }
            if (!incidentOpen || question.closed()) {
                continue;
            }
            buttonFor(target, off, now).ifPresent(acted -> buttons.computeIfAbsent(acted.toString(),
                    key -> (BlockElement) button(b -> b.actionId((off ? Interactions.DISABLE : Interactions.ENABLE)
                                    + ":" + acted.id())
                            .text(plainText(Limits.clip(words.get(off ? WordKey.QUESTION_BUTTON_SWITCH_OFF
                                    : WordKey.QUESTION_BUTTON_SWITCH_ON, names.target(acted)), Limits.BUTTON_TEXT)))
                            .value(incident + " " + acted.kind() + ":" + acted.id()))));
        }
        StringBuilder text = new StringBuilder(asked.get(0).context());
        if (!lines.isEmpty()) {
            text.append('\n').append(String.join("\n", lines));
        }
        if (!buttons.isEmpty()) {
            boolean one = buttons.size() == 1;
            text.append('\n').append(words.get(off
                    ? one ? WordKey.QUESTION_SWITCH_OFF : WordKey.DECISION_SIGNAL_DISABLE_THEM
                    : one ? WordKey.QUESTION_SWITCH_ON : WordKey.DECISION_SIGNAL_ENABLE_THEM));
        }
        String clipped = Limits.clip(text.toString(), Limits.SECTION_TEXT);
        return buttons.isEmpty() ? SlackMessage.plain(clipped)
                : withButtons(clipped, List.copyOf(buttons.values()));
    }

    /**
     * The target a button would switch, when switching it makes sense now: switching off what is on (not a model
     * whose provider is off already), switching on what is off; a model that recovered while its provider is off
     * gets its provider's button, since the model alone cannot serve. Nothing is switched on while it comes back
     * through a ramp (docs/recovery.md): pressing it would start nothing.
     */
    private Optional<Target> buttonFor(Target target, boolean off, DetourStatus now) {
        return switchable(target, off, now).filter(acted -> off || !ramping(acted, now));
    }

    /** Whether {@code target}, or the provider of a model, is coming back through a ramp. */
    private boolean ramping(Target target, DetourStatus now) {
        return now.rampOf(target).isPresent() || now.rampOf(Target.provider(names.catalog().providerOf(target)))
                .isPresent();
    }

    private Optional<Target> switchable(Target target, boolean off, DetourStatus now) {
        return target.fold(provider -> {
            boolean on = providerOn(provider, now);
            return on == off ? Optional.of(target) : Optional.empty();
        }, model -> {
            Optional<DetourStatus.ModelStatus> status = now.models().stream().filter(m -> m.id().equals(model))
                    .findFirst();
            if (status.isEmpty()) {
                return Optional.empty();
            }
            boolean providerOn = providerOn(status.get().provider(), now);
            if (off) {
                return status.get().available() && providerOn ? Optional.of(target) : Optional.empty();
            }
            if (!providerOn) {
                return Optional.of(Target.provider(status.get().provider()));
            }
            return status.get().available() ? Optional.empty() : Optional.of(target);
        });
    }

    private static boolean providerOn(ProviderId provider, DetourStatus now) {
        return now.providers().stream().filter(p -> p.id().equals(provider)).findFirst()
                .map(DetourStatus.ProviderStatus::available).orElse(false);
    }

    private static boolean usable(ModelId model, DetourStatus now) {
        return now.models().stream().filter(m -> m.id().equals(model)).findFirst()
                .map(DetourStatus.ModelStatus::usable).orElse(false);
    }

    /** The signal a switch question is about: who reports what, with its evidence. */
    private String signalLine(Signal signal) {
        return signalLine(List.of(signal));
    }

    /** What signals of one source say, their targets named once and the same words about each said once. */
    private String signalLine(List<Signal> signals) {
        Signal first = signals.get(0);
        List<Target> targets = signals.stream().flatMap(signal -> signal.targets().stream()).distinct().toList();
        String named = Limits.joined(targets.stream().map(names::target).toList(), ", ", Limits.SECTION_TEXT / 2);
        java.util.Set<String> saidOnce = new java.util.LinkedHashSet<>();
        List<String> each = new ArrayList<>();
        for (Signal signal : signals) {
            String said = evidence.of(signal.evidence());
            saidOnce.add(said);
            each.add(words.get(WordKey.DECISION_SIGNAL_EVIDENCE, Limits.joined(signal.targets().stream()
                    .map(names::target).toList(), ", ", Limits.SECTION_TEXT / 4), said));
        }
        String told = saidOnce.size() == 1 ? saidOnce.iterator().next() : String.join("; ", each);
        WordKey key = first.firing() ? WordKey.DECISION_SIGNAL_FIRING : WordKey.DECISION_SIGNAL_CLEARED;
        String source = new SignalSource(names, words).of(first.source());
        int room = Limits.room(Limits.SECTION_TEXT / 2, words.get(key, source, named, ""));
        return words.get(key, source, named, SlackText.escape(told, room));
    }

    /** Why routes were planned again, in words: a person's own, or the typed cause's. */
    private String reason(RouteReason reason) {
        if (reason instanceof RouteReason.InWords inWords) {
            return inWords.text();
        }
        if (reason instanceof RouteReason.ConsentAnswered answered) {
            return words.get(WordKey.ROUTE_REASON_CONSENT, words.get(WordKey.answer(answered.answer())),
                    answered.offered().value());
        }
        if (reason instanceof RouteReason.PlannedMaintenance planned) {
            return words.get(WordKey.ROUTE_REASON_MAINTENANCE, Names.time(planned.until()));
        }
        return words.get(WordKey.ROUTE_REASON_CONFIGURATION_LOADED);
    }

    /** A person as a mention; Detour's own policies and signals as Detour, never as an actor tag. */
    private String who(Actor actor) {
        return actor.kind() == Actor.Kind.USER ? "<@" + actor.id() + ">" : words.get(WordKey.QUESTION_BY_DETOUR);
    }

    private static SlackMessage withButtons(String text, List<BlockElement> buttons) {
        String clipped = Limits.clip(text, Limits.SECTION_TEXT);
        List<LayoutBlock> blocks = List.of(section(s -> s.text(markdownText(clipped))),
                actions(a -> a.elements(buttons)));
        return new SlackMessage(clipped, blocks);
    }

    /** For tests and previews: a question as it is right after it was asked. */
    public static List<ThreadQuestions.Asked> justAsked(Asking asking, String channel, String ts, Instant at) {
        return asking.questions().stream().map(question -> new ThreadQuestions.Asked(question, channel, ts,
                asking.context(), asking.offered(), at, Optional.empty(), false)).toList();
    }
}
