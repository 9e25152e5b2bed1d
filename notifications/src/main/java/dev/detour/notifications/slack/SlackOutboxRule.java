package dev.detour.notifications.slack;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.SlackSettings;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.outbox.ChangeRule;
import dev.detour.incidents.outbox.Once;
import dev.detour.incidents.outbox.OutboxDraft;
import dev.detour.incidents.outbox.OutboxRule;
import dev.detour.incidents.recovery.RampMove;
import dev.detour.incidents.signals.Signal;
import dev.detour.messages.DecisionReply;
import dev.detour.messages.Limits;
import dev.detour.messages.RampText;
import dev.detour.messages.Names;
import dev.detour.messages.SlackMessage;
import dev.detour.messages.Wording;
import com.slack.api.model.block.LayoutBlock;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an incident's thread in the incident channel gets: a refresh of the root message per event (rendered from
 * the current state when it is delivered, so many pending refreshes become one edit) and, per change, one reply
 * for the decision with its consequences, followed by any question it asks ({@link DecisionReply}).
 */
@Singleton
@Order(1) // its reply comes before the questions the change asks (QuestionOutboxRule)
public class SlackOutboxRule implements OutboxRule, ChangeRule {
    private final SlackSettings slack;
    private final DecisionReply replies;
    private final RampText ramps;

    public SlackOutboxRule(SlackSettings slack, Catalog catalog, Wording words) {
        this.slack = slack;
        this.replies = new DecisionReply(new Names(catalog), words);
        this.ramps = new RampText(new Names(catalog), words);
    }

    @Override
    public List<OutboxDraft> draftsFor(DetourEvent event) {
        Optional<IncidentId> incident = event.incident();
        if (incident.isEmpty()) {
            return List.of(); // support posts for changes outside incidents come with the support channel
        }
        // One refresh per event: different events always refresh, the same event never twice.
        return List.of(new OutboxDraft(SlackKind.ROOT_REFRESH, slack.incidentChannel(), Once.perEvent(),
                "{\"incident\":\"" + incident.get() + "\"}", incident));
    }

    /** The change's reply and questions, per incident the change touches (almost always one). */
    @Override
    public List<OutboxDraft> draftsForChange(List<DetourEvent> events) {
        Map<IncidentId, List<DetourEvent>> byIncident = new LinkedHashMap<>();
        for (DetourEvent event : events) {
            event.incident().ifPresent(id -> byIncident.computeIfAbsent(id, key -> new ArrayList<>()).add(event));
        }
        List<OutboxDraft> drafts = new ArrayList<>();
        byIncident.forEach((incident, ofIncident) -> {
            List<SlackMessage> messages = new ArrayList<>(replies.render(ofIncident));
            // A ramp's move is a reply of its own, short (docs/recovery.md); a step held again and again is told
            // once; a rollback is a question (QuestionOutboxRule), edited once settled. A completed ramp leads the
            // reply of its switch-on: one reply for one decision.
            ofIncident.stream().filter(DetourEvent.RampMoved.class::isInstance).map(DetourEvent.RampMoved.class::cast)
                    .filter(moved -> !(moved.move() instanceof RampMove.Held held) || held.first())
                    .filter(moved -> !(moved.move() instanceof RampMove.RolledBack))
                    .forEach(moved -> {
                        SlackMessage reply = ramps.replyMessage(moved, moved.at());
                        if (moved.move() instanceof RampMove.Completed && messages.size() == 1
                                && fits(reply, messages.get(0))) {
                            messages.set(0, joined(reply, messages.get(0)));
                        } else {
                            messages.add(reply);
                        }
                    });
            for (int i = 0; i < messages.size(); i++) {
                String payload = SlackPayload.of(messages.get(i)).toJson();
                drafts.add(new OutboxDraft(SlackKind.REPLY, slack.incidentChannel(),
                        onceFor(ofIncident, incident, i), payload, Optional.of(incident)));
            }
        });
        return drafts;
    }

    private static boolean fits(SlackMessage first, SlackMessage then) {
        return first.blocks().size() + then.blocks().size() <= Limits.MESSAGE_BLOCKS;
    }

    /** Two messages as one: {@code first}'s blocks, then {@code then}'s. */
    private static SlackMessage joined(SlackMessage first, SlackMessage then) {
        List<LayoutBlock> blocks = new ArrayList<>(first.blocks());
        blocks.addAll(then.blocks());
        return new SlackMessage(first.text() + "\n" + then.text(), blocks);
    }

    /**
     * A change that is only signals repeating what the thread already says (same source, targets, state and words,
     * nothing to press) is unique for those facts within its incident, so the outbox keeps its first reply only;
     * the root message counts it. Any other reply is one per change.
     */
    private static Once onceFor(List<DetourEvent> events, IncidentId incident, int item) {
        boolean onlyPlainSignals = events.stream().allMatch(event -> event instanceof DetourEvent.IncidentChanged
                || event instanceof DetourEvent.SignalReceived received
                && received.suggestion() == DetourEvent.SignalReceived.Suggestion.NONE);
        List<DetourEvent.SignalReceived> signals = events.stream()
                .filter(DetourEvent.SignalReceived.class::isInstance).map(DetourEvent.SignalReceived.class::cast)
                .toList();
        if (onlyPlainSignals && !signals.isEmpty()) {
            List<String> facts = new ArrayList<>(List.of("repeated-signal", incident.toString(),
                    Integer.toString(item)));
            for (DetourEvent.SignalReceived received : signals) {
                Signal signal = received.signal();
                facts.add(signal.source());
                facts.add(Boolean.toString(signal.firing()));
                facts.add(signal.evidence().data());
                signal.targets().forEach(target -> facts.add(target.toString()));
            }
            return new Once.PerFacts(facts);
        }
        return Once.perChange(incident.toString(), Integer.toString(item));
    }
}
