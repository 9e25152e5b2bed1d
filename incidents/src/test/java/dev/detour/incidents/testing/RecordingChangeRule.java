package dev.detour.incidents.testing;

import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.outbox.ChangeRule;
import dev.detour.incidents.outbox.Once;
import dev.detour.incidents.outbox.OutboxDraft;
import dev.detour.incidents.outbox.OutboxKind;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A change rule for tests: one row per change, naming every event of the change in order, so tests can see that
 * a change's rule hears all of its events, however many calls of the outbox they came in.
 */
@Singleton
@Requires(property = RecordingChangeRule.ENABLED, value = "true")
public class RecordingChangeRule implements ChangeRule {
    /** Only the tests that read its rows turn it on: the others count the rows of {@link RecordingOutboxRule}. */
    public static final String ENABLED = "test.change-rule";
    public static final String TOPIC = "test.change";

    /** The one kind of row this rule writes. */
    public enum Kind implements OutboxKind {
        CHANGE;

        @Override
        public String topic() {
            return TOPIC;
        }

        @Override
        public String word() {
            return "test-change";
        }
    }

    @Override
    public List<OutboxDraft> draftsForChange(List<DetourEvent> events) {
        String named = events.stream().map(event -> event.getClass().getSimpleName())
                .collect(Collectors.joining(","));
        return List.of(new OutboxDraft(Kind.CHANGE, "test", Once.perChange(), named,
                events.get(0).incident()));
    }
}
