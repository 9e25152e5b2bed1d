package dev.detour.notifications.flags;

import dev.detour.incidents.application.Outbox;
import dev.detour.incidents.catalog.DetourConfig;
import dev.detour.incidents.catalog.SlackSettings;
import dev.detour.incidents.catalog.Sink;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.lifecycle.Job;
import dev.detour.incidents.outbox.Once;
import dev.detour.incidents.outbox.OutboxDraft;
import dev.detour.incidents.ports.OutboxQueue;
import dev.detour.messages.SlackMessage;
import dev.detour.messages.SlackText;
import dev.detour.messages.WordKey;
import dev.detour.messages.Wording;
import dev.detour.notifications.slack.SlackKind;
import dev.detour.notifications.slack.SlackPayload;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether the last change reached each push sink, read from the outbox every few seconds and kept in memory, so
 * {@code /api/status} answers without a database read (and while the database is down, with the last answer).
 * A change that has not reached a sink within {@code detour.flags.sink-state.reach-within} is flagged in its
 * incident's thread once (docs/flags.md, "Which apps obey").
 */
@Singleton
public class SinkStates {
    private static final Logger LOG = LoggerFactory.getLogger(SinkStates.class);

    private final List<Sink> sinks;
    private final OutboxQueue outbox;
    private final Outbox notes;
    private final SlackSettings slack;
    private final Wording words;
    private final Clock clock;
    private final Duration reachWithin;
    private final LiteLlmMappings mappings;
    private volatile List<SinkState> current;

    public SinkStates(DetourConfig config, OutboxQueue outbox, Outbox notes, SlackSettings slack, Wording words,
                      Clock clock, SinkStateSettings settings, LiteLlmMappings mappings) {
        this.sinks = config.sinks();
        this.outbox = outbox;
        this.notes = notes;
        this.slack = slack;
        this.words = words;
        this.clock = clock;
        this.reachWithin = settings.reachWithin();
        this.mappings = mappings;
        this.current = sinks.stream().map(sink -> new SinkState(sink.name(), type(sink), false, Optional.empty(),
                Optional.empty(), false, Optional.empty(), List.of())).toList();
    }

    /** As last read; every sink of the config, in config order. */
    public List<SinkState> current() {
        return current;
    }

    @Job("sink-states")
    @Scheduled(fixedDelay = "${detour.flags.sink-state.refresh:5s}", initialDelay = "${detour.outbox.first-poll:1s}")
    public void poll() {
        if (sinks.isEmpty()) {
            return;
        }
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("could not read what the push sinks got; keeping the last answer", e);
        }
    }

    /** Reads each sink's newest row and flags a change that is late; returns the states read. */
    public List<SinkState> refresh() {
        Instant now = clock.instant();
        List<SinkState> read = new ArrayList<>();
        for (Sink sink : sinks) {
            Optional<OutboxQueue.LastEntry> last = outbox.latest(FlagPushKind.TOPICS, sink.name());
            read.add(last.map(entry -> new SinkState(sink.name(), type(sink),
                            entry.state() == OutboxQueue.LastEntry.State.SENT, Optional.of(entry.createdAt()),
                            entry.sentAt(), entry.state() == OutboxQueue.LastEntry.State.FAILED, entry.lastError(),
                            mappings.unresolved(sink.name())))
                    .orElseGet(() -> new SinkState(sink.name(), type(sink), false, Optional.empty(), Optional.empty(),
                            false, Optional.empty(), mappings.unresolved(sink.name()))));
            last.filter(entry -> entry.state() == OutboxQueue.LastEntry.State.PENDING)
                    .filter(entry -> Duration.between(entry.createdAt(), now).compareTo(reachWithin) > 0)
                    .filter(entry -> entry.incidentId().isPresent())
                    .ifPresent(entry -> flagLate(sink, entry));
        }
        current = List.copyOf(read);
        return current;
    }

    /** Once per change and sink, however many replicas or checks see it late: the row's key makes it unique. */
    private void flagLate(Sink sink, OutboxQueue.LastEntry entry) {
        String text = words.get(WordKey.SINK_NOT_REACHED, SlackText.escape(sink.name(), 200),
                words.duration(reachWithin));
        notes.post(new OutboxDraft(SlackKind.REPLY, slack.incidentChannel(),
                Once.perFacts("sink-not-reached", entry.idempotencyKey()),
                SlackPayload.of(SlackMessage.plain(text)).toJson(),
                Optional.of(new IncidentId(entry.incidentId().orElseThrow()))));
    }

    static String type(Sink sink) {
        if (sink instanceof Sink.Webhook) {
            return "webhook";
        }
        return sink instanceof Sink.FlagdFile ? "flagd-file" : "litellm";
    }
}
