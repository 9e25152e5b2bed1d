package dev.detour.incidents.persistence;

import dev.detour.incidents.application.AvailabilityService;
import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.application.Outbox;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.UpdateText;
import dev.detour.incidents.jobs.OutboxPruning;
import dev.detour.incidents.outbox.Once;
import dev.detour.incidents.outbox.OutboxDraft;
import dev.detour.incidents.outbox.OutboxEntry;
import dev.detour.incidents.ports.OutboxQueue;
import dev.detour.incidents.ports.SupportPosts;
import dev.detour.incidents.routing.RouteState;
import dev.detour.incidents.support.FeatureState;
import dev.detour.incidents.support.SupportPostDraft;
import dev.detour.incidents.support.SupportPostKind;
import dev.detour.incidents.support.SupportPostRecord;
import dev.detour.incidents.testing.MovableClock;
import dev.detour.incidents.testing.RecordingChangeRule;
import dev.detour.incidents.testing.RecordingCopyRules;
import dev.detour.incidents.testing.RecordingOutboxRule;
import dev.detour.incidents.testing.SeedConfigFactory;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.detour.incidents.SeedCatalog.CODE_MIGRATION;
import static dev.detour.incidents.SeedCatalog.GPT_5;
import static dev.detour.incidents.SeedCatalog.LEGAL_REVIEW;
import static dev.detour.incidents.SeedCatalog.MEETING_SUMMARY;
import static dev.detour.incidents.SeedCatalog.OPUS_47;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the outbox keeps and for how long, whichever database is underneath: rows carry their change's batch and
 * keys made from typed parts, support posts live in their own log written with their row, and delivered rows are
 * pruned only where no idempotency check can need them. Each test brings its own incidents and rows.
 */
abstract class OutboxContract implements TestPropertyProvider {
    private static final Actor ALICE = Actor.user("U0ALICE");
    private static final Duration KEEP = Duration.ofDays(7);

    @Inject IncidentService incidents;
    @Inject AvailabilityService availability;
    @Inject Outbox outbox;
    @Inject OutboxRepository rows;
    @Inject OutboxQueue deliveries;
    @Inject OutboxPruning pruning;
    @Inject SupportPosts supportPosts;
    @Inject MovableClock clock;
    @Inject TransactionOperations<Connection> transactions;
    @Inject RecordingCopyRules.Copies copies;

    /** The datasource properties of the database under test. */
    protected abstract Map<String, Object> database();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(SeedConfigFactory.properties(database()));
        properties.put(RecordingChangeRule.ENABLED, "true");
        properties.put(RecordingCopyRules.ENABLED, "true");
        return properties;
    }

    @AfterEach
    void everythingAvailableAndNothingOpen() {
        availability.set(List.of(Target.model(OPUS_48), Target.model(OPUS_47), Target.model(GPT_5)), true,
                Actor.system("test"), Optional.empty(), Optional.empty());
        incidents.openIncidents().forEach(incident -> incidents.resolve(incident.id(), ALICE, "test over"));
        clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void everyRowOfOneChangeCarriesItsBatchAndEachEventItsOwnKey() {
        long before = newestTestRow();

        availability.disable(List.of(Target.model(OPUS_48), Target.model(OPUS_47)), ALICE,
                Optional.of("one change, many events"));
        List<OutboxEntry> change = testRowsAfter(before);
        long afterFirst = newestTestRow();
        availability.enable(List.of(Target.model(OPUS_48)), ALICE, Optional.of("another change"));
        List<OutboxEntry> next = testRowsAfter(afterFirst);

        // Opening the incident, two availability changes and the route changes: one row per event.
        assertTrue(change.size() >= 4, change.toString());
        assertEquals(1, change.stream().map(OutboxEntry::batch).distinct().count(), change.toString());
        assertEquals(change.size(), change.stream().map(OutboxEntry::idempotencyKey).distinct().count());
        assertTrue(change.stream().allMatch(row -> row.kind().equals(RecordingOutboxRule.Kind.EVENT.word())));
        assertTrue(!next.isEmpty() && next.stream().noneMatch(row -> row.batch().equals(change.get(0).batch())),
                "another change has another batch");
    }

    @Test
    void aChangeRuleWritesOneRowForTheWholeChangeWithEveryEventOfItAfterTheChangesOtherRows() {
        long before = newestTestRow();

        availability.disable(List.of(Target.model(OPUS_48), Target.model(OPUS_47)), ALICE,
                Optional.of("one change, events from several services"));
        List<OutboxEntry> events = testRowsAfter(before);
        String batch = events.get(0).batch();
        List<OutboxEntry> changes = deliveries.pending(RecordingChangeRule.TOPIC, 100_000).stream()
                .filter(row -> row.batch().equals(batch)).toList();

        assertEquals(1, changes.size(), "one row for the change, the earlier drafts withdrawn: " + changes);
        OutboxEntry change = changes.get(0);
        assertEquals(events.stream().map(OutboxEntry::payload).collect(java.util.stream.Collectors.joining(",")),
                change.payload(), "every event of the change, in order");
        assertTrue(events.stream().allMatch(row -> row.id() < change.id()), "written after the change's other rows");
    }

    @Test
    void anEventsSupportPostsAreHandedToTheCopyRulesOnceAndEachCopyFollowsItsPostSayingTheSame() {
        Incident incident = open("copied");
        int before = copies.handed().size();

        incidents.postUpdate(incident.id(), new UpdateText("looking into it", "We are rolling out a fix."), ALICE);
        incidents.postUpdate(incident.id(), UpdateText.internalOnly("for the thread only"), ALICE);

        List<List<OutboxDraft>> handed = copies.handed().subList(before, copies.handed().size());
        assertEquals(1, handed.size(), "an event without a support post is not handed on: " + handed);
        assertEquals(List.of("We are rolling out a fix."), handed.get(0).stream().map(OutboxDraft::payload).toList());
        List<OutboxEntry> rows = deliveries.pending(RecordingCopyRules.TOPIC, 100_000).stream()
                .filter(row -> Long.valueOf(incident.id().number()).equals(row.incidentId())).toList();
        assertEquals(List.of("test-post", "test-copy"), rows.stream().map(OutboxEntry::kind).toList(),
                "the copy after its post");
        assertEquals(rows.get(0).payload(), rows.get(1).payload());
        assertEquals(List.of("Update"), postsOf(incident.id()).stream().map(SupportPostRecord::headline).toList(),
                "a copy is not a support post of its own");
    }

    @Test
    void aSupportPostIsKeptWithItsRowOnceAndReadNewestFirst() {
        Incident incident = open("support post");
        Instant at = clock.instant();

        outbox.post(supportPost(incident.id(), "Outage: some AI features are affected", "first"));
        outbox.post(supportPost(incident.id(), "Outage: some AI features are affected", "first"));
        clock.advance(Duration.ofSeconds(1));
        outbox.post(supportPost(incident.id(), "Outage: still", "second"));

        List<SupportPostRecord> posts = postsOf(incident.id());
        assertEquals(List.of("second", "first"), posts.stream().map(SupportPostRecord::body).toList(),
                "the same delivery twice is one post; newest first");
        SupportPostRecord first = posts.get(1);
        assertEquals(SupportPostKind.UPDATE, first.kind());
        assertEquals("Outage: some AI features are affected", first.headline());
        assertEquals(at, first.at());
        assertEquals(Optional.of(clock.instant()), supportPosts.lastPostAt(incident.id()));
    }

    @Test
    void aSupportPostKeepsWhatItAnnouncedPerFeatureAsData() {
        Incident incident = open("features");
        Map<TaskClassId, FeatureState> announced = Map.of(
                MEETING_SUMMARY, new FeatureState(RouteState.FALLBACK, Optional.of(GPT_5), true),
                LEGAL_REVIEW, new FeatureState(RouteState.STOPPED, Optional.empty()),
                CODE_MIGRATION, new FeatureState(RouteState.PRIMARY, Optional.of(OPUS_48)));

        outbox.post(new OutboxDraft(RecordingOutboxRule.Kind.EVENT, "support", Once.perFacts(incident.toString(),
                "features"), "{}", Optional.of(incident.id()), Optional.of(new SupportPostDraft(
                SupportPostKind.STATUS, "Outage", "body", Optional.empty(), announced))));
        outbox.post(supportPost(incident.id(), "All clear", "no features"));

        List<SupportPostRecord> posts = postsOf(incident.id());
        assertEquals(announced, posts.get(1).features(), "read back as written, paused ones without a model, coming back ones marked");
        assertEquals(Map.of(), posts.get(0).features(), "a post that announced no feature has none");
    }

    @Test
    void aSupportPostRollsBackWithItsOutboxRow() {
        Incident incident = open("rolled back");
        long pendingBefore = rows.countByStatus(OutboxTable.PENDING);

        assertThrows(IllegalStateException.class, () -> transactions.executeWrite(status -> {
            outbox.post(supportPost(incident.id(), "never seen", "never seen"));
            throw new IllegalStateException("the change fails after its rows were written");
        }));

        assertEquals(List.of(), postsOf(incident.id()));
        assertEquals(Optional.empty(), supportPosts.lastPostAt(incident.id()));
        assertEquals(pendingBefore, rows.countByStatus(OutboxTable.PENDING));
    }

    @Test
    void deliveredRowsOlderThanTheKeepAgeAreDeletedUnlessAnIdempotencyCheckMayStillNeedThem() {
        Incident resolved = open("resolved");
        incidents.resolve(resolved.id(), ALICE, "over");
        Incident stillOpen = open("still open");
        Instant old = clock.instant().minus(KEEP).minusSeconds(60);

        long noIncident = row("no incident", Optional.empty());
        long ofResolved = row("of a resolved incident", Optional.of(resolved.id()));
        long ofOpen = row("of an open incident", Optional.of(stillOpen.id()));
        long recent = row("recent", Optional.empty());
        long pending = row("pending", Optional.empty());
        long failed = row("failed", Optional.empty());
        rows.markSent(noIncident, old);
        rows.markSent(ofResolved, old);
        rows.markSent(ofOpen, old);
        rows.markSent(recent, clock.instant().minus(KEEP).plusSeconds(60));
        rows.markFailed(failed, "HTTP 404");

        pruning.pruneNow();

        assertEquals(Set.of(ofOpen, recent, pending, failed), Set.of(noIncident, ofResolved, ofOpen, recent, pending,
                failed).stream().filter(id -> rows.findById(id).isPresent()).collect(Collectors.toSet()),
                "deleted: delivered before the keep age, of no incident or a resolved one");
    }

    @Test
    void pruningDeletesABacklogLargerThanOneChunk() {
        Instant old = clock.instant().minus(KEEP).minusSeconds(60);
        for (int i = 0; i < OutboxPruning.CHUNK + 5; i++) {
            rows.markSent(row("bulk " + i, Optional.empty()), old);
        }

        assertTrue(pruning.pruneNow() >= OutboxPruning.CHUNK + 5);
    }

    private Incident open(String title) {
        IncidentChange change = incidents.open(IncidentKind.OUTAGE, title, List.of(Target.model(GPT_5)), ALICE);
        return assertInstanceOf(IncidentChange.Applied.class, change).incident();
    }

    private static OutboxDraft supportPost(IncidentId incident, String headline, String body) {
        return new OutboxDraft(RecordingOutboxRule.Kind.EVENT, "support", Once.perFacts(incident.toString(), body),
                "{}", Optional.of(incident),
                Optional.of(new SupportPostDraft(SupportPostKind.UPDATE, headline, body)));
    }

    private List<SupportPostRecord> postsOf(IncidentId incident) {
        return supportPosts.latest(1000).stream().filter(post -> post.incident().equals(incident)).toList();
    }

    /** A pending row in a topic no dispatcher reads; returns its id. */
    private long row(String name, Optional<IncidentId> incident) {
        outbox.post(new OutboxDraft(PruneKind.ROW, "prune", Once.perFacts(name, clock.instant().toString()), "{}",
                incident));
        return rows.findPending(PruneKind.ROW.topic(), 10_000).stream().mapToLong(OutboxRow::id).max()
                .orElseThrow();
    }

    private long newestTestRow() {
        return deliveries.pending(RecordingOutboxRule.TOPIC, 100_000).stream().mapToLong(OutboxEntry::id).max()
                .orElse(0);
    }

    private List<OutboxEntry> testRowsAfter(long id) {
        return deliveries.pending(RecordingOutboxRule.TOPIC, 100_000).stream().filter(row -> row.id() > id)
                .toList();
    }

    private enum PruneKind implements dev.detour.incidents.outbox.OutboxKind {
        ROW;

        @Override
        public String topic() {
            return "test.prune";
        }

        @Override
        public String word() {
            return "test-prune";
        }
    }
}
