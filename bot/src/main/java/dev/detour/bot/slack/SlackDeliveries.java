package dev.detour.bot.slack;

import com.slack.api.bolt.context.Context;
import dev.detour.commands.Delivery;
import dev.detour.incidents.application.InboundEvents;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;

/**
 * Whether a Slack request is taken for the first time, told in the work after its acknowledgement, never before
 * it: the acknowledgement touches no database, so Slack gets it at once even while the database is locked or
 * down (docs/slack.md, Request checks). Two checks, both shared by every replica through the database: the
 * request's signature ({@link SlackReplays}: a request captured and sent again) and an event's {@code event_id}
 * (Slack's own retry of an event, signed anew). {@link SlackEventsController} leaves what they need in the
 * request's context; a request without it (Socket Mode: Slack's own connection, nothing to replay) is first.
 */
@Singleton
@Requires(property = "slack.signing-secret")
public class SlackDeliveries {
    static final String TIMESTAMP = "detour.slack.timestamp";
    static final String SIGNATURE = "detour.slack.signature";
    static final String EVENT_ID = "detour.slack.event-id";

    private final SlackReplays replays;
    private final InboundEvents events;

    public SlackDeliveries(SlackReplays replays, InboundEvents events) {
        this.replays = replays;
        this.events = events;
    }

    /** Puts what the checks need into Bolt's context; nothing is read or written yet. */
    static void remember(Map<String, String> context, String timestamp, String signature,
                         Optional<String> eventId) {
        context.put(TIMESTAMP, timestamp);
        context.put(SIGNATURE, signature);
        eventId.ifPresent(id -> context.put(EVENT_ID, id));
    }

    /**
     * @return the request's delivery, checked on the first {@link Delivery#isFirst()} and remembered, so that a
     *         request with several actions is one delivery; a failed check (database down) throws, and is tried
     *         again on the next call
     */
    public Delivery of(Context ctx) {
        Map<String, String> values = Map.copyOf(ctx.getAdditionalValues());
        return new Once(() -> first(values));
    }

    private boolean first(Map<String, String> values) {
        String signature = values.get(SIGNATURE);
        String timestamp = values.get(TIMESTAMP);
        if (signature != null && timestamp != null && replays.isReplay(timestamp, signature)) {
            return false;
        }
        String eventId = values.get(EVENT_ID);
        return eventId == null || events.firstTime("slack", eventId);
    }

    private static final class Once implements Delivery {
        private final Delivery check;
        private Boolean first;

        Once(Delivery check) {
            this.check = check;
        }

        @Override
        public synchronized boolean isFirst() {
            if (first == null) {
                first = check.isFirst();
            }
            return first;
        }
    }
}
