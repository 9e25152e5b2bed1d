package dev.detour.notifications.flags;

import dev.detour.incidents.application.Outbox;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.SlackSettings;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.outbox.Once;
import dev.detour.incidents.outbox.OutboxDraft;
import dev.detour.incidents.outbox.OutboxEntry;
import dev.detour.messages.Limits;
import dev.detour.messages.Names;
import dev.detour.messages.SlackMessage;
import dev.detour.messages.SlackText;
import dev.detour.messages.SlackTime;
import dev.detour.messages.WordKey;
import dev.detour.messages.Wording;
import dev.detour.notifications.slack.SlackKind;
import dev.detour.notifications.slack.SlackPayload;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Tells the incident thread what a LiteLLM sink did with a change, through the outbox: verified, refused for good,
 * unreachable, or never shown. Each note is unique per change and kind of note, so a proxy that stays down for
 * twenty retries is told once (docs/flags.md, "LiteLLM proxy sink").
 */
@Singleton
public class LiteLlmThreadNotes {
    private final Outbox outbox;
    private final SlackSettings slack;
    private final Wording words;
    private final Names names;
    private final Clock clock;

    public LiteLlmThreadNotes(Outbox outbox, SlackSettings slack, Wording words, Catalog catalog, Clock clock) {
        this.outbox = outbox;
        this.slack = slack;
        this.words = words;
        this.names = new Names(catalog);
        this.clock = clock;
    }

    void tell(OutboxEntry row, LiteLlmOutcome.Note note) {
        if (row.incidentId() == null) {
            return; // no incident, no thread: /api/status still shows the sink's state
        }
        String text;
        String kind;
        if (note instanceof LiteLlmOutcome.Note.Verified verified) {
            kind = "litellm-verified";
            String at = SlackTime.slack(verified.at(), clock.instant());
            text = String.join("\n", verified.models().stream().map(model -> line(row.destination(), model, at))
                    .toList());
        } else if (note instanceof LiteLlmOutcome.Note.Down down) {
            kind = "litellm-down";
            text = words.get(WordKey.LITELLM_DOWN, row.destination(), escaped(down.error()));
        } else if (note instanceof LiteLlmOutcome.Note.Refused refused) {
            kind = "litellm-refused";
            text = words.get(WordKey.LITELLM_REFUSED, row.destination(), escaped(refused.error()));
        } else {
            kind = "litellm-unverified";
            text = words.get(WordKey.LITELLM_NOT_VERIFIED, row.destination(),
                    escaped(((LiteLlmOutcome.Note.NotVerified) note).error()));
        }
        outbox.post(new OutboxDraft(SlackKind.REPLY, slack.incidentChannel(),
                Once.perFacts(kind, row.idempotencyKey()), SlackPayload.of(SlackMessage.plain(text)).toJson(),
                Optional.of(new IncidentId(row.incidentId()))));
    }

    /** One model's verified line; while it ramps back, what LiteLLM's lack of a share means for it. */
    private String line(String sink, LiteLlmOutcome.ModelCount model, String at) {
        String name = names.model(model.model());
        if (model.ramp().isPresent()) {
            int percent = model.ramp().get();
            if (!model.blocked()) {
                return words.get(WordKey.LITELLM_UNBLOCKED_AT_RAMP, sink, model.deployments(), name, percent, at);
            }
            // blocked while ramping: the ramp starts below unblock-at, or it was rolled back to 0%
            return percent == 0
                    ? words.get(WordKey.LITELLM_BLOCKED_AT_ROLLBACK, sink, model.deployments(), name, at)
                    : words.get(WordKey.LITELLM_STAYS_BLOCKED, sink, model.deployments(), name, model.unblockAt(), at);
        }
        return words.get(model.blocked() ? WordKey.LITELLM_BLOCKED_VERIFIED : WordKey.LITELLM_UNBLOCKED_VERIFIED,
                sink, model.deployments(), name, at);
    }

    private static String escaped(String error) {
        return SlackText.escape(error, Limits.SECTION_TEXT / 2);
    }

    static List<String> kinds() {
        return List.of("litellm-verified", "litellm-down", "litellm-refused", "litellm-unverified");
    }
}
