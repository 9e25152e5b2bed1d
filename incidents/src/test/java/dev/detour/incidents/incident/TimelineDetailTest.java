package dev.detour.incidents.incident;

import dev.detour.incidents.signals.SignalEvidence;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.catalog.Target;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimelineDetailTest {
    private static final Actor ALICE = Actor.user("U0ALICE");
    private static final Instant AT = Instant.parse("2026-06-07T07:10:00Z");
    private static final Target ANTHROPIC = Target.provider(ProviderId.of("anthropic"));
    private static final Target OPUS_48 = Target.model(ModelId.of("claude-opus-4-8"));

    private static TimelineDetail detail(IncidentChange change) {
        return ((IncidentChange.Applied) change).entries().get(0).detail();
    }

    private static Incident opened() {
        return ((IncidentChange.Applied) Incident.open(new IncidentId(7), IncidentKind.OUTAGE, "Opus: 529s",
                List.of(OPUS_48, ANTHROPIC), ALICE, AT)).incident();
    }

    @Test
    void theOpeningEntryHoldsKindTargetsAndTitleAsData() {
        TimelineDetail opening = detail(Incident.open(new IncidentId(7), IncidentKind.OUTAGE, "Opus: 529s: overloaded",
                List.of(OPUS_48, ANTHROPIC), ALICE, AT));

        assertEquals(new TimelineDetail.Opened(IncidentKind.OUTAGE, List.of(ANTHROPIC, OPUS_48),
                "Opus: 529s: overloaded"), opening);
        assertEquals(TimelineEntry.Type.OPENED, opening.type());
        assertEquals(Optional.of("Opus: 529s: overloaded"), opening.ownWords());
    }

    @Test
    void eachChangeOfAnIncidentRecordsWhatChangedAsData() {
        Incident incident = opened();

        assertEquals(new TimelineDetail.Acknowledged(), detail(incident.acknowledge(ALICE, AT)));
        assertEquals(new TimelineDetail.StateChanged(IncidentState.INVESTIGATING, IncidentState.IDENTIFIED),
                detail(incident.moveTo(IncidentState.IDENTIFIED, ALICE, AT)));
        assertEquals(new TimelineDetail.Update("still 529s", ""),
                detail(incident.postUpdate(UpdateText.internalOnly("  still 529s "), ALICE, AT)));
        assertEquals(new TimelineDetail.Update("Opus 529s", "Some answers are slower"),
                detail(incident.postUpdate(new UpdateText(" Opus 529s", "Some answers are slower "), ALICE, AT)));
        assertEquals(new TimelineDetail.Resolved(IncidentState.INVESTIGATING, ""),
                detail(incident.moveTo(IncidentState.RESOLVED, ALICE, AT)));
        assertEquals(new TimelineDetail.Resolved(IncidentState.INVESTIGATING, "capacity back"),
                detail(incident.resolve(ALICE, AT, " capacity back ")));
        Incident resolved = ((IncidentChange.Applied) incident.resolve(ALICE, AT, "")).incident();
        assertEquals(new TimelineDetail.Reopened(new IncidentId(7), "529s again"),
                detail(resolved.reopen(new IncidentId(8), ALICE, AT, "529s again")));
    }

    @Test
    void onlyWhatSomeoneWroteCountsAsTheirOwnWords() {
        assertEquals(Optional.empty(), new TimelineDetail.StateChanged(IncidentState.INVESTIGATING,
                IncidentState.MONITORING).ownWords());
        assertEquals(Optional.empty(), new TimelineDetail.Resolved(IncidentState.MONITORING, "").ownWords());
        assertEquals(Optional.of("fixed"), new TimelineDetail.Resolved(IncidentState.MONITORING, "fixed").ownWords());
        assertEquals(Optional.of("529s"), new TimelineDetail.AvailabilityChanged(OPUS_48, false, Optional.of("529s"))
                .ownWords());
    }

    @Test
    void textFromMachinesIsCutToFitSayingSo() {
        TimelineDetail.Signalled signal = new TimelineDetail.Signalled("alertmanager", true, List.of(OPUS_48),
                new SignalEvidence.Alert("Upstream", "x".repeat(9_000)), TimelineDetail.Signalled.Side.PROVIDER);
        TimelineDetail.StatusPageIncident page = new TimelineDetail.StatusPageIncident("n".repeat(500), "major",
                "investigating", "b".repeat(9_000));

        String summary = ((SignalEvidence.Alert) signal.evidence()).summary();
        assertTrue(summary.length() <= TextLimits.TEXT && summary.endsWith(" characters)"));
        assertTrue(page.name().length() <= TextLimits.TITLE && page.body().length() <= TextLimits.TEXT);
    }

    @Test
    void targetsAreKeptProvidersFirstAndEachOnce() {
        assertEquals(List.of(ANTHROPIC, OPUS_48),
                new TimelineDetail.TargetsAdded(List.of(OPUS_48, ANTHROPIC, OPUS_48)).targets());
    }
}
