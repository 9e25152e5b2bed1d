package dev.detour.notifications.slack;

import dev.detour.incidents.persistence.OutboxRow;
import dev.detour.incidents.service.OutboxDeliveries;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The support posts as they were written to the outbox, for readers outside Slack (the public status page):
 * every post, whether Slack has it yet or not, so they read the same in console mode and while Slack is down.
 */
@Singleton
public class SupportPosts {
    private static final Logger LOG = LoggerFactory.getLogger(SupportPosts.class);

    private final OutboxDeliveries outbox;

    public SupportPosts(OutboxDeliveries outbox) {
        this.outbox = outbox;
    }

    /**
     * One post in plain text, as Slack shows it in notifications.
     *
     * @param id       the outbox row: stable for as long as the database lives
     * @param headline the first line
     * @param body     the lines after the headline; empty when the post is one line
     */
    public record Post(long id, Instant at, SupportPostKind kind, String headline, String body) {
    }

    /** The newest {@code limit} posts, newest first. */
    public List<Post> latest(int limit) {
        List<Post> posts = new ArrayList<>();
        for (OutboxRow row : outbox.latest(SupportOutboxRule.SUPPORT, limit)) {
            read(row).ifPresent(posts::add);
        }
        return posts;
    }

    private static Optional<Post> read(OutboxRow row) {
        Optional<SupportPostKind> kind = SupportPostKind.ofKey(row.idempotencyKey());
        String text;
        try {
            text = SlackPayload.fromJson(row.payload()).text().strip();
        } catch (UncheckedIOException e) {
            text = "";
        }
        if (kind.isEmpty() || text.isEmpty() || row.id() == null) {
            // Detour wrote every row itself: one it cannot read is a bug, but must not take the page down.
            LOG.warn("outbox row {} of {} is not a support post this version can read; left out", row.id(),
                    SupportOutboxRule.SUPPORT);
            return Optional.empty();
        }
        int newline = text.indexOf('\n');
        String headline = newline < 0 ? text : text.substring(0, newline).strip();
        String body = newline < 0 ? "" : text.substring(newline + 1).strip();
        return Optional.of(new Post(row.id(), row.createdAt(), kind.get(), headline, body));
    }
}
