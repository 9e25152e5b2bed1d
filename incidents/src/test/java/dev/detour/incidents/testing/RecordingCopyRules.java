package dev.detour.incidents.testing;

import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.outbox.CopyRule;
import dev.detour.incidents.outbox.Once;
import dev.detour.incidents.outbox.OutboxDraft;
import dev.detour.incidents.outbox.OutboxKind;
import dev.detour.incidents.outbox.OutboxRule;
import dev.detour.incidents.support.SupportPostDraft;
import dev.detour.incidents.support.SupportPostKind;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A support post and its copies for tests: every update for customers becomes a support post (as support's rule
 * makes one), and every support post an event drafts is copied once (as subscribers get it), so tests can see what
 * the outbox hands the copy rules.
 */
public final class RecordingCopyRules {
    /** Only the tests that read these rows turn them on: a support post changes what others count. */
    public static final String ENABLED = "test.copy-rules";
    public static final String TOPIC = "test.copy";

    private RecordingCopyRules() {
    }

    /** The kinds of row these rules write. */
    public enum Kind implements OutboxKind {
        POST, COPY;

        @Override
        public String topic() {
            return TOPIC;
        }

        @Override
        public String word() {
            return this == POST ? "test-post" : "test-copy";
        }
    }

    /** One support post per update for customers, its body the update's customer part. */
    @Singleton
    @Requires(property = ENABLED, value = "true")
    public static class Posts implements OutboxRule {
        @Override
        public List<OutboxDraft> draftsFor(DetourEvent event) {
            List<OutboxDraft> posts = new ArrayList<>();
            if (event instanceof DetourEvent.IncidentChanged changed) {
                for (int i = 0; i < changed.entries().size(); i++) {
                    if (changed.entries().get(i).detail() instanceof TimelineDetail.Update update
                            && update.text().customerPart().isPresent()) {
                        String body = update.text().customerPart().get();
                        posts.add(new OutboxDraft(Kind.POST, "support", Once.perEvent(i), body, event.incident(),
                                Optional.of(new SupportPostDraft(SupportPostKind.UPDATE, "Update", body))));
                    }
                }
            }
            return posts;
        }
    }

    /** One copy of each post, to "subscriber", saying what the post says. */
    @Singleton
    @Requires(property = ENABLED, value = "true")
    public static class Copies implements CopyRule {
        private final List<List<OutboxDraft>> handed = new java.util.concurrent.CopyOnWriteArrayList<>();

        /** What the outbox handed this rule, call by call. */
        public List<List<OutboxDraft>> handed() {
            return List.copyOf(handed);
        }

        @Override
        public List<OutboxDraft> copiesOf(List<OutboxDraft> supportPosts) {
            handed.add(supportPosts);
            return supportPosts.stream().map(post -> new OutboxDraft(Kind.COPY, "subscriber", post.once(),
                    post.payload(), post.incident(), Optional.empty())).toList();
        }
    }
}
