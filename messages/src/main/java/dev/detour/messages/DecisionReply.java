package dev.detour.messages;

import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.event.DetourEvent.SignalReceived.Suggestion;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.incident.UpdateText;
import dev.detour.incidents.preview.FlagChange;
import dev.detour.incidents.preview.SwitchedOffModel;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteCause;
import dev.detour.incidents.routing.RouteReason;
import dev.detour.incidents.routing.RouteState;
import dev.detour.incidents.signals.Signal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;


/**
 * What one change (every event of one transaction) adds to its incident's thread: one reply for the decision —
 * a command, a button, a consent answer, a policy's action, a burst of signals — with its consequences folded in
 * (which task classes moved where, which are paused, that a question is asked). A fallback question stays its own
 * message with its buttons ({@link ThreadQuestion}), posted right after the reply. Acknowledging and a state change alone
 * add nothing: the root message shows them. People are Slack mentions, policies and signals words; no ids and no
 * actor tags (those are for {@code /detour audit}).
 */
public final class DecisionReply {
    private final Names names;
    private final Wording words;
    private final TimelineText timeline;
    private final SignalEvidenceText evidence;
    private final SignalSource sources;
    private final ChangePreviewMessage previews;

    public DecisionReply(Names names, Wording words) {
        this.previews = new ChangePreviewMessage(names, words);
        this.names = names;
        this.words = words;
        this.timeline = new TimelineText(names, words);
        this.sources = new SignalSource(names, words);
        this.evidence = new SignalEvidenceText(words, provider -> names.target(Target.provider(provider)));
    }

    /** The reply, if the change says anything the root message and the questions do not. */
    public List<SlackMessage> render(List<? extends DetourEvent> events) {
        Change change = Change.of(events);
        List<String> lines = new ArrayList<>();
        entries(change, lines);
        // What was seen, then what was done about it, then where each task class went.
        signals(change, lines);
        availability(change, lines);
        routes(change, lines);
        policyPreview(events, lines);
        List<SlackMessage> replies = new ArrayList<>();
        if (!lines.isEmpty()) {
            replies.add(SlackMessage.plain(Limits.clip(String.join("\n", lines), Limits.SECTION_TEXT)));
        }
        return replies;
    }

    // ------------------------------------------------------------------------------------------------- the change

    /** The events of one change, sorted by what they are. */
    private record Change(List<TimelineEntry> entries, List<DetourEvent.AvailabilityChanged> availability,
                          List<DetourEvent.SignalReceived> signals, List<DetourEvent.RouteChanged> routes,
                          String incident) {
        static Change of(List<? extends DetourEvent> events) {
            List<TimelineEntry> entries = new ArrayList<>();
            List<DetourEvent.AvailabilityChanged> availability = new ArrayList<>();
            List<DetourEvent.SignalReceived> signals = new ArrayList<>();
            List<DetourEvent.RouteChanged> routes = new ArrayList<>();
            String incident = "";
            for (DetourEvent event : events) {
                if (incident.isEmpty() && event.incident().isPresent()) {
                    incident = event.incident().get().toString();
                }
                if (event instanceof DetourEvent.IncidentChanged changed) {
                    entries.addAll(changed.entries());
                } else if (event instanceof DetourEvent.AvailabilityChanged available) {
                    availability.add(available);
                } else if (event instanceof DetourEvent.SignalReceived signal) {
                    signals.add(signal);
                } else if (event instanceof DetourEvent.RouteChanged route) {
                    routes.add(route);
                }
            }
            return new Change(entries, availability, signals, routes, incident);
        }

        /** The targets this change switches or reports on: adding them to the incident goes without saying. */
        Set<Target> told() {
            Set<Target> told = new LinkedHashSet<>();
            availability.forEach(change -> told.add(change.target()));
            signals.forEach(signal -> told.addAll(signal.signal().targets()));
            return told;
        }
    }

    // ------------------------------------------------------------------------------------------ timeline entries

    private void entries(Change change, List<String> lines) {
        Set<Target> told = change.told();
        for (TimelineEntry entry : change.entries()) {
            String who = who(entry.actor());
            switch (entry.type()) {
                // The root message shows these; the thread hears of them through the events that carry them.
                case OPENED, ACKNOWLEDGED, STATE_CHANGED, SIGNAL, AVAILABILITY_CHANGED, ROUTE_CHANGED -> {
                }
                case TARGETS_ADDED -> {
                    List<Target> added = ((TimelineDetail.TargetsAdded) entry.detail()).targets().stream()
                            .filter(target -> !told.contains(target)).toList();
                    if (!added.isEmpty()) {
                        lines.add(words.get(WordKey.DECISION_ADDED, who, targets(added)));
                    }
                }
                case UPDATE -> lines.add(entry.detail() instanceof TimelineDetail.Update update
                        ? update(who, entry.actor(), update.text()) : quoting(WordKey.REPLY_UPDATE, who, entry));
                case RESOLVED -> lines.add(resolved(who, entry));
                default -> {
                    if (entry.detail() instanceof TimelineDetail.StatusPageIncident) {
                        break; // its signal says it
                    }
                    lines.add(words.get(WordKey.REPLY_ENTRY, who, timeline.of(entry,
                            Limits.room(Limits.SECTION_TEXT, words.get(WordKey.REPLY_ENTRY, who, "")))));
                }
            }
        }
    }

    /** Who resolved it, with their summary as a quote (the state it left is on the root message). */
    private String resolved(String who, TimelineEntry entry) {
        Optional<String> summary = entry.detail().ownWords();
        if (summary.isEmpty()) {
            return words.get(WordKey.DECISION_RESOLVED, who);
        }
        int room = Limits.room(Limits.SECTION_TEXT, words.get(WordKey.REPLY_RESOLVED_SUMMARY, who, ""));
        return words.get(WordKey.REPLY_RESOLVED_SUMMARY, who,
                SlackText.quoted(ownWords(entry.actor(), summary.get(), room)));
    }

    /**
     * The internal part as on-call typed it (a person mention stays one), then what customers read, marked as such
     * and escaped whole: the customer part goes outside the incident, where no mention is live.
     */
    private String update(String who, Actor actor, UpdateText text) {
        if (text.customer().isEmpty()) {
            int room = Limits.room(Limits.SECTION_TEXT, words.get(WordKey.REPLY_UPDATE, who, ""));
            return words.get(WordKey.REPLY_UPDATE, who, SlackText.quoted(ownWords(actor, text.internal(), room)));
        }
        if (text.internal().isEmpty()) {
            int room = Limits.room(Limits.SECTION_TEXT, words.get(WordKey.REPLY_UPDATE_FOR_CUSTOMERS, who, ""));
            return words.get(WordKey.REPLY_UPDATE_FOR_CUSTOMERS, who,
                    SlackText.quoted(SlackText.escape(text.customer(), room)));
        }
        int room = Limits.room(Limits.SECTION_TEXT, words.get(WordKey.REPLY_UPDATE, who, "") + "\n"
                + words.get(WordKey.REPLY_UPDATE_CUSTOMERS_READ, "")) / 2;
        return words.get(WordKey.REPLY_UPDATE, who, SlackText.quoted(ownWords(actor, text.internal(), room))) + "\n"
                + words.get(WordKey.REPLY_UPDATE_CUSTOMERS_READ, SlackText.quoted(SlackText.escape(text.customer(),
                room)));
    }

    /** {@code key}'s words, then the entry's text as a quote, cut to fit the section. */
    private String quoting(WordKey key, String who, TimelineEntry entry) {
        int room = Limits.room(Limits.SECTION_TEXT, words.get(key, who, ""));
        return words.get(key, who, SlackText.quoted(ownWords(entry.actor(), timeline.plain(entry), room)));
    }

    // -------------------------------------------------------------------------------------------- availability

    /** Targets switched off or on together, by the same actor for the same reason, are one line. */
    private void availability(Change change, List<String> lines) {
        Map<List<Object>, List<DetourEvent.AvailabilityChanged>> together = new LinkedHashMap<>();
        for (DetourEvent.AvailabilityChanged changed : change.availability()) {
            together.computeIfAbsent(List.of(changed.actor(), changed.available(), changed.reason()),
                    key -> new ArrayList<>()).add(changed);
        }
        for (List<DetourEvent.AvailabilityChanged> group : together.values()) {
            DetourEvent.AvailabilityChanged first = group.get(0);
            String who = who(first.actor());
            String targets = targets(group.stream().map(DetourEvent.AvailabilityChanged::target).toList());
            WordKey key = first.available() ? WordKey.DECISION_ENABLED : WordKey.DECISION_DISABLED;
            WordKey keyWithReason = first.available() ? WordKey.DECISION_ENABLED_REASON
                    : WordKey.DECISION_DISABLED_REASON;
            int room = Limits.room(Limits.SECTION_TEXT / 2, words.get(keyWithReason, who, targets, ""));
            lines.add(first.reason()
                    .map(reason -> words.get(keyWithReason, who, targets, ownWords(first.actor(), reason, room)))
                    .orElseGet(() -> words.get(key, who, targets)));
        }
    }

    // ------------------------------------------------------------------------------------------------- signals

    /**
     * Signals of one source that say the same (failing, or clear) are one line, each target's evidence after it.
     * A signal that suggests switching something is a question of its own ({@link ThreadQuestion}), not said here.
     */
    private void signals(Change change, List<String> lines) {
        Map<List<Object>, List<DetourEvent.SignalReceived>> bursts = new LinkedHashMap<>();
        for (DetourEvent.SignalReceived received : change.signals()) {
            if (received.suggestion() != Suggestion.NONE) {
                continue;
            }
            Signal signal = received.signal();
            bursts.computeIfAbsent(List.of(signal.source(), signal.firing(), signal.side()),
                    key -> new ArrayList<>()).add(received);
        }
        for (List<DetourEvent.SignalReceived> burst : bursts.values()) {
            Signal first = burst.get(0).signal();
            List<Target> targets = new ArrayList<>();
            List<String> seen = new ArrayList<>();
            Set<String> saidOnce = new LinkedHashSet<>();
            for (DetourEvent.SignalReceived received : burst) {
                targets.addAll(received.signal().targets());
                String said = evidence.of(received.signal().evidence());
                saidOnce.add(said);
                seen.add(words.get(WordKey.DECISION_SIGNAL_EVIDENCE, plainTargets(received.signal().targets()), said));
            }
            String source = sources.of(first.source());
            String named = targets(targets);
            WordKey key = first.firing() ? WordKey.DECISION_SIGNAL_FIRING : WordKey.DECISION_SIGNAL_CLEARED;
            int room = Limits.room(Limits.SECTION_TEXT / 2, words.get(key, source, named, ""));
            // The same words about every target are said once.
            String told = saidOnce.size() == 1 ? saidOnce.iterator().next() : String.join("; ", seen);
            lines.add(words.get(key, source, named, SlackText.escape(told, room)));
            switch (first.side()) {
                case OUR_SIDE -> lines.add(words.get(WordKey.REPLY_SIGNAL_OUR_SIDE));
                case CAPACITY -> lines.add(words.get(WordKey.REPLY_SIGNAL_CAPACITY));
                case PROVIDER -> {
                }
            }
        }
    }

    // -------------------------------------------------------------------------------------------------- routes

    /**
     * Where each task class the change moved ends up, one line per class; a consent answer or a timeout heads
     * them; a class now waiting for an answer gets its question as a message of its own.
     */
    private void routes(Change change, List<String> lines) {
        Map<Object, DetourEvent.RouteChanged> last = new LinkedHashMap<>();
        Map<Object, Optional<Route>> first = new LinkedHashMap<>();
        for (DetourEvent.RouteChanged route : change.routes()) {
            first.putIfAbsent(route.after().taskClass(), route.before());
            last.put(route.after().taskClass(), route);
        }
        boolean headed = !lines.isEmpty();
        for (DetourEvent.RouteChanged route : last.values()) {
            Route after = route.after();
            Optional<Route> before = first.get(after.taskClass());
            if (before.isPresent() && before.get().state() == after.state()
                    && before.get().serving().equals(after.serving())) {
                continue; // moved and back within the change: nothing to tell
            }
            if (route.after().cause().consentTimedOut() || route.reason().orElse(null)
                    instanceof RouteReason.ConsentAnswered) {
                continue; // the question is edited to say who answered (or that nobody did) and where it went
            }
            if (!headed) {
                heading(route).ifPresent(lines::add);
                headed = true;
            }
            lines.add(consequence(route));
        }
    }

    /** Who decided, when only routes moved: a person's override. */
    private Optional<String> heading(DetourEvent.RouteChanged route) {
        if (route.actor().kind() == Actor.Kind.USER) {
            return Optional.of(words.get(WordKey.DECISION_ROUTED, who(route.actor())));
        }
        return Optional.empty();
    }

    /** {@code • Meeting summaries → GPT-5}, {@code • Contract review: paused until Claude Opus 4.8 is back}. */
    private String consequence(DetourEvent.RouteChanged route) {
        Route after = route.after();
        String taskClass = "*" + SlackText.escape(names.taskClass(after.taskClass()), 200) + "*";
        Optional<TaskClass> policy = names.catalog().taskClass(after.taskClass());
        String primary = policy.map(TaskClass::primary).map(names::model).orElse("?");
        String offered = after.offered().map(names::model).orElseGet(() -> words.get(WordKey.REPLY_CONSENT_NEXT_MODEL));
        return switch (after.state()) {
            case PRIMARY -> words.get(WordKey.DECISION_BACK, taskClass, after.serving().map(names::model).orElse(primary));
            case FALLBACK -> words.get(WordKey.DECISION_MOVED, taskClass, after.serving().map(names::model).orElse("?"));
            case AWAITING_CONSENT -> words.get(WordKey.DECISION_ASKING, taskClass, offered);
            case STOPPED -> switch (after.cause()) {
                case CONSENT_DENIED, CONSENT_TIMEOUT_DENIED -> words.get(WordKey.DECISION_PAUSED_DENIED, taskClass,
                        offered, primary);
                case OVERRIDE_STOP -> words.get(WordKey.DECISION_PAUSED_BY_HAND, taskClass);
                default -> words.get(WordKey.DECISION_PAUSED, taskClass, primary);
            };
        };
    }

    // --------------------------------------------------------------------------------------- a policy's preview

    /**
     * What a policy's switch-off did, as its preview said (docs/routing.md, "Two-person rule"): each model switched
     * off with the evidence about it, and the flags that changed. The routes are told above; questions follow.
     */
    private void policyPreview(List<? extends DetourEvent> events, List<String> lines) {
        Map<Object, SwitchedOffModel> models = new LinkedHashMap<>();
        Map<String, FlagChange> flags = new LinkedHashMap<>();
        Map<List<String>, dev.detour.incidents.preview.UnblockableDeployment> unblockable = new LinkedHashMap<>();
        for (DetourEvent event : events) {
            if (event instanceof DetourEvent.PolicyPreviewed previewed) {
                previewed.preview().switchedOff().forEach(model -> models.putIfAbsent(model.model(), model));
                previewed.preview().unblockable().forEach(deployment -> unblockable.putIfAbsent(
                        List.of(deployment.sink(), deployment.deployment()), deployment));
                // One change may be several switch-offs in a row: a flag goes from its first value to its last.
                previewed.preview().flags().forEach(flag -> flags.merge(flag.key(), flag,
                        (first, last) -> new FlagChange(first.key(), first.before(), last.after())));
            }
        }
        if (!models.isEmpty()) {
            lines.add("*" + words.get(WordKey.REPLY_PREVIEW_SWITCHED_OFF) + "*\n" + Limits.lines(models.values()
                    .stream().map(previews::model).toList(), Limits.SECTION_TEXT / 3));
        }
        if (!unblockable.isEmpty()) {
            lines.add("*" + words.get(WordKey.PREVIEW_UNBLOCKABLE) + "*\n" + Limits.lines(unblockable.values()
                    .stream().map(previews::unblockable).toList(), Limits.SECTION_TEXT / 4));
        }
        List<FlagChange> changed = flags.values().stream().filter(flag -> !flag.before().equals(flag.after()))
                .toList();
        if (!changed.isEmpty()) {
            lines.add("*" + words.get(WordKey.REPLY_PREVIEW_FLAGS) + "*\n" + Limits.lines(changed.stream()
                    .map(ChangePreviewMessage::flag).toList(), Limits.SECTION_TEXT / 4));
        }
    }

    // ---------------------------------------------------------------------------------------------- the message

    /** A person as a mention; a policy or a signal acting on its own as Detour, by policy. */
    private String who(Actor actor) {
        return switch (actor.kind()) {
            case USER -> "<@" + actor.id() + ">";
            case POLICY, SIGNAL -> words.get(WordKey.DECISION_BY_POLICY);
            case SYSTEM -> words.get(WordKey.DECISION_BY_DETOUR);
        };
    }

    private String targets(List<Target> targets) {
        return SlackText.escape(plainTargets(targets), Limits.SECTION_TEXT / 4);
    }

    private String plainTargets(List<Target> targets) {
        return Limits.joined(targets.stream().map(names::target).toList(), ", ", Limits.SECTION_TEXT / 4);
    }

    /**
     * What a person typed, escaped; a person mention they typed stays one, since this is the incident's thread
     * (see docs/slack.md). Text from signals and policies is escaped whole.
     */
    private static String ownWords(Actor actor, String text, int room) {
        return actor.kind() == Actor.Kind.USER ? SlackText.escapeKeepingPersonMentions(text, room)
                : SlackText.escape(text, room);
    }
}
