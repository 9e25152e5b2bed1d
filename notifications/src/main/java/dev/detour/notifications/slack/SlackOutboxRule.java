package dev.detour.notifications.slack;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.SlackSettings;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.outbox.OutboxDraft;
import dev.detour.incidents.outbox.OutboxRule;
import dev.detour.incidents.signals.Signal;
import dev.detour.messages.Names;
import dev.detour.messages.SlackMessage;
import dev.detour.messages.ThreadReply;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What an incident's thread in the incident channel gets: a refresh of the root message (rendered from the
 * current state when it is delivered, so many pending refreshes become one edit) and one reply per event.
 */
@Singleton
public class SlackOutboxRule implements OutboxRule {
    public static final String TOPICS = "slack.";
    public static final String ROOT = "slack.root";
    public static final String REPLY = "slack.reply";

    private final SlackSettings slack;
    private final ThreadReply replies;

    public SlackOutboxRule(SlackSettings slack, Catalog catalog) {
        this.slack = slack;
        this.replies = new ThreadReply(new Names(catalog));
    }

    @Override
    public List<OutboxDraft> draftsFor(DetourEvent event) {
        Optional<IncidentId> incident = event.incident();
        if (incident.isEmpty()) {
            return List.of(); // support posts for changes outside incidents come with the support channel
        }
        String channel = slack.incidentChannel();
        List<OutboxDraft> drafts = new ArrayList<>();
        // Keyed by the event itself: the same event never refreshes twice, different ones always do.
        drafts.add(new OutboxDraft(ROOT, channel, ROOT + ":" + incident.get() + ":" + digest(event.toString()),
                "{\"incident\":\"" + incident.get() + "\"}", incident));
        List<SlackMessage> messages = replies.render(event);
        for (int i = 0; i < messages.size(); i++) {
            String payload = SlackPayload.of(messages.get(i)).toJson();
            drafts.add(new OutboxDraft(REPLY, channel, REPLY + ":" + incident.get() + ":" + digest(replyKey(event) + "#"
                    + i), payload, incident));
        }
        return drafts;
    }

    /**
     * A signal that only repeats what the thread already says (same source, same targets, same state, same words,
     * nothing to press) gets the same key, so the outbox keeps its first reply only; the root message counts it.
     */
    private static String replyKey(DetourEvent event) {
        if (event instanceof DetourEvent.SignalReceived received
                && received.suggestion() == DetourEvent.SignalReceived.Suggestion.NONE) {
            Signal signal = received.signal();
            return "signal|" + signal.source() + "|" + signal.firing() + "|" + signal.targets() + "|" + signal.summary();
        }
        return event.toString();
    }

    private static String digest(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
