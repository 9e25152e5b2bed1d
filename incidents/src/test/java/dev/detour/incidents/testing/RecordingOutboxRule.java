package dev.detour.incidents.testing;

import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.outbox.Once;
import dev.detour.incidents.outbox.OutboxDraft;
import dev.detour.incidents.outbox.OutboxKind;
import dev.detour.incidents.outbox.OutboxRule;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An outbox rule for tests: one row per event, naming the event, so tests can see what a change put in the
 * outbox. It can be told to fail, to prove a change and its outbox rows commit or roll back together.
 */
@Singleton
@Requires(property = SeedConfigFactory.ENABLED, value = "true")
public class RecordingOutboxRule implements OutboxRule {
    public static final String TOPIC = "test.event";

    /** The one kind of row this rule writes. */
    public enum Kind implements OutboxKind {
        EVENT;

        @Override
        public String topic() {
            return TOPIC;
        }

        @Override
        public String word() {
            return "test-event";
        }
    }

    private final AtomicBoolean failNext = new AtomicBoolean();

    /** The next event makes this rule throw, as a broken renderer would. */
    public void failOnNextEvent() {
        failNext.set(true);
    }

    @Override
    public List<OutboxDraft> draftsFor(DetourEvent event) {
        if (failNext.getAndSet(false)) {
            throw new IllegalStateException("outbox rule failed on purpose");
        }
        return List.of(new OutboxDraft(Kind.EVENT, "test", Once.perEvent(), event.getClass().getSimpleName(),
                event.incident()));
    }
}
