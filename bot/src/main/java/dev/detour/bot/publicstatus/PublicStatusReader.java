package dev.detour.bot.publicstatus;

import dev.detour.messages.SlackMarkup;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.queries.StatusService;
import dev.detour.incidents.persistence.SupportPosts;
import dev.detour.incidents.support.SupportPostRecord;
import dev.detour.messages.Names;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * Reads {@link PublicStatus}: each task class's route from {@link StatusService}, the support posts from their
 * log ({@link SupportPosts}); turns ids into display names and Slack markup in on-call's words into plain text. Blocking (JDBC). The endpoints are
 * public, so one reading serves every request for {@link #FRESH_FOR}: visitors cannot multiply database reads.
 */
@Singleton
public class PublicStatusReader {
    /** Enough for the last incidents; the feed and the page show no more. */
    static final int POSTS = 20;
    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final StatusService status;
    private final SupportPosts support;
    private final Names names;
    private final LoadingCache<String, PublicStatus> latest;

    public PublicStatusReader(StatusService status, SupportPosts support, Catalog catalog) {
        this.status = status;
        this.support = support;
        this.names = new Names(catalog);
        // Concurrent requests for an expired reading wait for one new reading instead of each making their own.
        this.latest = Caffeine.newBuilder().maximumSize(1).expireAfterWrite(FRESH_FOR).build(key -> readNow());
    }

    /** The status as read at most {@link #FRESH_FOR} ago. */
    public PublicStatus read() {
        return latest.get("status");
    }

    private PublicStatus readNow() {
        DetourStatus now = status.current();
        return new PublicStatus(now.at(),
                now.taskClasses().stream().map(this::feature).toList(),
                support.latest(POSTS).stream().map(PublicStatusReader::post).toList());
    }

    private PublicStatus.Feature feature(DetourStatus.TaskClassStatus taskClass) {
        return new PublicStatus.Feature(taskClass.name(), FeatureState.of(taskClass.current().state()),
                taskClass.current().serving().map(names::model), taskClass.since());
    }

    private static PublicStatus.Post post(SupportPostRecord post) {
        return new PublicStatus.Post(entryId(post), post.at(), post.kind().word(),
                SlackMarkup.plain(post.headline()), SlackMarkup.plain(post.body()));
    }

    /**
     * A name-based UUID URN (RFC 4122) of the post's id and the moment it was written: the same post always has
     * the same id, whatever host name the feed is read under, and the id itself is not shown. Posts written before
     * the support post log kept their outbox row's id, so their entry ids did not change.
     */
    static String entryId(SupportPostRecord post) {
        String name = "detour:support-post:" + post.id() + ":" + post.at().toEpochMilli();
        return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
