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
        AuditQuery lastHour = new AuditQuery(Optional.empty(), Optional.of(SUBJECT),
                Optional.of(clock.instant().minus(Duration.ofMinutes(59))), Optional.empty(), 0, 10);

        assertEquals(List.of("record 620", "record 619"), reasons(lastHour.newest(2)));
        assertEquals("record 561", reasons(lastHour).get(0), "oldest first, as pages are read");
    }

    private List<String> reasons(AuditQuery query) {
        return audit.search(query).stream().map(StoredAuditRecord::record).map(r -> r.reason().orElseThrow())
                .toList();
    }
}
