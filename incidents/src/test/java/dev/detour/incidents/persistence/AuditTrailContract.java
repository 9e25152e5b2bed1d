package dev.detour.incidents.persistence;

import dev.detour.incidents.audit.AuditAction;
import dev.detour.incidents.audit.AuditQuery;
import dev.detour.incidents.audit.AuditRecord;
import dev.detour.incidents.audit.AuditSubject;
import dev.detour.incidents.audit.StoredAuditRecord;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.ports.AuditTrail;
import dev.detour.incidents.testing.MovableClock;
import dev.detour.incidents.testing.SeedConfigFactory;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Reading the audit trail once it holds more records than one page, on each database. The trail here holds 620
 * records about one task class, written a minute apart, whose reasons number them.
 */
abstract class AuditTrailContract implements TestPropertyProvider {
    private static final int WRITTEN = 620;
    private static final String SUBJECT = "task-class:meeting-summary";
    /** Three changes to this model, each followed by the receipt of its Slack post. */
    private static final String DELIVERED = "model:gpt-5";

    @Inject AuditTrail audit;
    @Inject MovableClock clock;
    @Inject TransactionOperations<Connection> transactions;

    protected abstract Map<String, Object> database();

    @Override
    public Map<String, String> getProperties() {
        return SeedConfigFactory.properties(database());
    }

    @BeforeAll
    void aTrailLongerThanOnePage() {
        transactions.executeWrite(status -> {
            for (int i = 1; i <= WRITTEN; i++) {
                audit.append(new AuditRecord(clock.advance(Duration.ofMinutes(1)), Actor.user("U0ALICE"),
                        AuditAction.ROUTE_OVERRIDE, AuditSubject.of(SUBJECT), Optional.empty(), Optional.of("stop"),
                        Optional.of("record " + i), Optional.empty()));
            }
            for (int i = 1; i <= 3; i++) {
                audit.append(new AuditRecord(clock.advance(Duration.ofMinutes(1)), Actor.user("U0ALICE"),
                        AuditAction.AVAILABILITY_CHANGED, AuditSubject.of(DELIVERED), Optional.empty(),
                        Optional.empty(), Optional.of("change " + i), Optional.empty()));
                audit.append(new AuditRecord(clock.advance(Duration.ofSeconds(1)), AuditQuery.RECEIPTS,
                        new AuditAction("outbox.sent"), AuditSubject.of(DELIVERED), Optional.empty(),
                        Optional.empty(), Optional.of("receipt " + i), Optional.empty()));
            }
            return null;
        });
    }

    @Test
    void theNewestRecordsComeFirstHoweverManyMatch() {
        List<String> newest = reasons(AuditQuery.everything().forSubject(SUBJECT).newest(30));

        assertEquals(IntStream.iterate(WRITTEN, i -> i - 1).limit(30).mapToObj(i -> "record " + i).toList(), newest);
    }

    @Test
    void theNewestRecordsOfATimeWindowComeFirst() {
        AuditQuery lastHour = AuditQuery.everything().forSubject(SUBJECT)
                .since(clock.instant().minus(Duration.ofMinutes(62).plusSeconds(3))).oldest(10); // from record 561 on

        assertEquals(List.of("record 620", "record 619"), reasons(lastHour.newest(2)));
        assertEquals("record 561", reasons(lastHour).get(0), "oldest first, as pages are read");
    }

    @Test
    void aLaterPageSkipsTheNewerPagesInTheDatabase() {
        AuditQuery pages = AuditQuery.everything().forSubject(SUBJECT).newest(30);

        assertEquals(IntStream.iterate(590, i -> i - 1).limit(30).mapToObj(i -> "record " + i).toList(),
                reasons(pages.skipping(30)));
        assertEquals("record 1", reasons(pages.skipping(WRITTEN - 1)).get(0), "a late page holds the oldest");
        assertEquals(List.of(), reasons(pages.skipping(WRITTEN + 100)), "past the end: nothing, no error");
    }

    @Test
    void deliveryReceiptsAreLeftOutOnlyWhenAsked() {
        AuditQuery delivered = AuditQuery.everything().forSubject(DELIVERED).newest(10);

        assertEquals(List.of("receipt 3", "change 3", "receipt 2", "change 2", "receipt 1", "change 1"),
                reasons(delivered), "everything unless asked otherwise: the API's default");
        assertEquals(List.of("change 3", "change 2", "change 1"), reasons(delivered.withoutReceipts()));
        assertEquals(List.of("change 2"), reasons(delivered.withoutReceipts().skipping(1).newest(1)),
                "pages count only what is shown");
    }

    private List<String> reasons(AuditQuery query) {
        return audit.search(query).stream().map(StoredAuditRecord::record).map(r -> r.reason().orElseThrow())
                .toList();
    }
}
