package dev.detour.messages;

import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.incident.TimelineEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The summary says whether we saw a problem before the provider's status page admitted it, and by how much. */
class DetectionLeadTest {
    private static final Instant T = Instant.parse("2026-06-07T07:12:00Z");

    private static TimelineEntry by(String actor, int minutes) {
        return new TimelineEntry(T.plusSeconds(60L * minutes), Actor.parse(actor),
                new TimelineDetail.AsWritten(TimelineEntry.Type.SIGNAL, "x"));
    }

    @Test
    void ourGatewayBeforeTheStatusPageIsALead() {
        assertEquals(Optional.of("Detection: we saw it 19m before the status page reported it"),
                ManagerSummary.detection(Wording.of("en"), List.of(by("signal:gateway", 0),
                        by("signal:statuspage:anthropic", 19), by("signal:gateway", 30))));
    }

    @Test
    void theStatusPageFirstIsALag() {
        assertEquals(Optional.of("Detection: we saw it 5m after the status page reported it"),
                ManagerSummary.detection(Wording.of("en"), List.of(by("signal:statuspage:anthropic", 0),
                        by("user:U0ALICE", 5))));
    }

    @Test
    void aStatusPageThatNeverSaidAnythingIsSaidSo() {
        assertEquals(Optional.of("Detection: the provider's status page has not reported it"),
                ManagerSummary.detection(Wording.of("en"), List.of(by("signal:alertmanager", 0))));
    }
}
