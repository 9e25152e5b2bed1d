package dev.detour.notifications.slack;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.SlackSettings;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.outbox.Once;
import dev.detour.incidents.outbox.OutboxDraft;
import dev.detour.incidents.outbox.OutboxRule;
import dev.detour.incidents.signals.Signal;
import dev.detour.messages.Names;
import dev.detour.messages.SlackMessage;
import dev.detour.messages.ThreadReply;
import dev.detour.messages.Wording;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an incident's thread in the incident channel gets: a refresh of the root message (rendered from the
 * current state when it is delivered, so many pending refreshes become one edit) and one reply per event.
 */
@Singleton
public class SlackOutboxRule implements OutboxRule {
    private final SlackSettings slack;
    private final ThreadReply replies;

    public SlackOutboxRule(SlackSettings slack, Catalog catalog, Wording words) {
        this.slack = slack;
        this.replies = new ThreadReply(new Names(catalog), words);
    }

    @Override
    public List<OutboxDraft> draftsFor(DetourEvent event) {
        Optional<IncidentId> incident = event.incident();
        if (incident.isEmpty()) {
            return List.of(); // support posts for changes outside incidents come with the support channel
        }
        String channel = slack.incidentChannel();
        List<OutboxDraft> drafts = new ArrayList<>();
        // One refresh per event: different events always refresh, the same event never twice.
        drafts.add(new OutboxDraft(SlackKind.ROOT_REFRESH, channel, Once.perEvent(),
                "{\"incident\":\"" + incident.get() + "\"}", incident));
        List<SlackMessage> messages = replies.render(event);
        for (int i = 0; i < messages.size(); i++) {
            String payload = SlackPayload.of(messages.get(i)).toJson();
            drafts.add(new OutboxDraft(SlackKind.REPLY, channel, onceFor(event, incident.get(), i), payload,
                    incident));
        }
        return drafts;
    }

    /**
     * A signal that only repeats what the thread already says (same source, same targets, same state, same words,
     * nothing to press) is unique for those facts within its incident, so the outbox keeps its first reply only;
     * the root message counts it. Any other reply is one per event.
     */
    private static Once onceFor(DetourEvent event, IncidentId incident, int item) {
        if (event instanceof DetourEvent.SignalReceived received
                && received.suggestion() == DetourEvent.SignalReceived.Suggestion.NONE) {
            Signal signal = received.signal();
            List<String> facts = new ArrayList<>(List.of("repeated-signal", incident.toString(),
                    Integer.toString(item), signal.source(), Boolean.toString(signal.firing()), signal.evidence().data()));
            signal.targets().forEach(target -> facts.add(target.toString())); // last: each its own part
            return new Once.PerFacts(facts);
        }
        return Once.perEvent(item);
    }
}
