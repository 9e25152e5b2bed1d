package dev.detour.incidents.readmodel;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteCause;
import dev.detour.incidents.routing.RouteState;
import dev.detour.incidents.signals.SignalEvidence;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.detour.incidents.SeedCatalog.ANTHROPIC;
import static dev.detour.incidents.SeedCatalog.GPT_5;
import static dev.detour.incidents.SeedCatalog.LEGAL_REVIEW;
import static dev.detour.incidents.SeedCatalog.MEETING_SUMMARY;
import static dev.detour.incidents.SeedCatalog.OPUS_47;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static org.junit.jupiter.api.Assertions.assertEquals;

class IncidentPictureTest {
    private static final Catalog CATALOG = SeedCatalog.catalog();
    private static final Instant OPENED = Instant.parse("2026-06-07T07:10:00Z");
    private static final Instant OFF = OPENED.plusSeconds(300);
    private static final Actor ALICE = Actor.user("U0ALICE");
    private static final Actor GATEWAY = Actor.signal("gateway");
    private static final SignalEvidence ERRORS = new SignalEvidence.GatewayErrors(new SignalEvidence.GatewayNumbers(
            0.3, 12, 40, Duration.ofSeconds(60), 0, 2559), false);

    private static Incident opusOutage() {
        return ((IncidentChange.Applied) Incident.open(new IncidentId(1), IncidentKind.OUTAGE, "",
                List.of(Target.model(OPUS_48), Target.model(OPUS_47)), GATEWAY, OPENED)).incident();
    }

    /** The seed catalog with {@code off} switched off and the given task classes paused; the rest on its primary. */
    private static DetourStatus status(Set<Target> off, Set<TaskClassId> paused) {
        return new DetourStatus(OFF, CATALOG.providers().stream().map(p -> new DetourStatus.ProviderStatus(p.id(),
                p.name(), !off.contains(Target.provider(p.id())), Optional.of(OFF))).toList(),
                CATALOG.models().stream().map(m -> new DetourStatus.ModelStatus(m.id(), m.provider(), m.name(),
                        !off.contains(Target.model(m.id())), true, Optional.of(OFF))).toList(),
                CATALOG.taskClasses().stream().map(t -> new DetourStatus.TaskClassStatus(t.id(), t.name(),
                        t.failover(), t.route(), paused.contains(t.id())
                        ? new Route(t.id(), RouteState.STOPPED, Optional.empty(), Optional.empty(),
                        RouteCause.NO_MODEL_AVAILABLE)
                        : new Route(t.id(), RouteState.PRIMARY, Optional.of(t.primary()), Optional.empty(),
                        RouteCause.PRIMARY_AVAILABLE), Optional.of(OFF))).toList(),
                List.of());
    }

    private static TimelineEntry signal(boolean firing, Target target, Instant at) {
        return new TimelineEntry(at, GATEWAY, new TimelineDetail.Signalled("gateway", firing, List.of(target), ERRORS,
                TimelineDetail.Signalled.Side.PROVIDER));
    }

    @Test
    void aModelIsFailingWhileItsLatestSignalFiresAndHealthyOnceItClears() {
        List<TimelineEntry> timeline = List.of(signal(true, Target.model(OPUS_48), OPENED),
                signal(true, Target.model(OPUS_47), OPENED), signal(false, Target.model(OPUS_47), OFF));

        IncidentPicture picture = IncidentPicture.of(opusOutage(), status(Set.of(), Set.of()), timeline, CATALOG);

        assertEquals(new IncidentPicture.Failing(ERRORS, OPENED),
                picture.stateOf(Target.model(OPUS_48)).orElseThrow().health());
        assertEquals(new IncidentPicture.Healthy(), picture.stateOf(Target.model(OPUS_47)).orElseThrow().health());
        assertEquals(IncidentKind.DEGRADATION, picture.kind(), "models fail while every feature is served");
        assertEquals(List.of(), picture.affected());
    }

    @Test
    void aModelSwitchedOffSaysByWhomAndAModelWhoseProviderIsOffSaysSo() {
        Incident incident = ((IncidentChange.Applied) opusOutage().affect(List.of(Target.provider(ANTHROPIC)), ALICE,
                OFF)).incident();
        List<TimelineEntry> timeline = List.of(new TimelineEntry(OFF, ALICE,
                new TimelineDetail.AvailabilityChanged(Target.provider(ANTHROPIC), false, Optional.of("529s"))));

        IncidentPicture picture = IncidentPicture.of(incident, status(Set.of(Target.provider(ANTHROPIC)),
                Set.of(LEGAL_REVIEW)), timeline, CATALOG);

        assertEquals(new IncidentPicture.Off(Optional.of(ALICE), Optional.of(OFF)),
                picture.stateOf(Target.provider(ANTHROPIC)).orElseThrow().health());
        assertEquals(new IncidentPicture.OffWithProvider(ANTHROPIC),
                picture.stateOf(Target.model(OPUS_48)).orElseThrow().health());
        assertEquals(List.of(ANTHROPIC), picture.providers(CATALOG));
        assertEquals(List.of(LEGAL_REVIEW), picture.paused().stream().map(DetourStatus.TaskClassStatus::id).toList());
        assertEquals(IncidentKind.OUTAGE, picture.kind(), "a paused feature makes it an outage");
    }

    @Test
    void onlyFeaturesThatUseTheIncidentsModelsAndAreOffTheirUsualModelCount() {
        IncidentPicture picture = IncidentPicture.of(opusOutage(), status(Set.of(), Set.of(MEETING_SUMMARY)),
                List.of(), CATALOG);
        IncidentPicture unrelated = IncidentPicture.of(((IncidentChange.Applied) Incident.open(new IncidentId(2),
                IncidentKind.OUTAGE, "", List.of(Target.model(GPT_5)), GATEWAY, OPENED)).incident(),
                status(Set.of(), Set.of(LEGAL_REVIEW)), List.of(), CATALOG);

        assertEquals(List.of(MEETING_SUMMARY), picture.affected().stream().map(DetourStatus.TaskClassStatus::id)
                .toList());
        assertEquals(List.of(), unrelated.affected(), "contract review does not use GPT-5");
    }

    @Test
    void aKindOnCallSetOrOneThatNamesAChangeOnOurSideStaysWhateverUsersNotice() {
        Incident set = ((IncidentChange.Applied) opusOutage().setKind(IncidentKind.DEGRADATION, ALICE, OFF))
                .incident();
        Incident modelChange = ((IncidentChange.Applied) Incident.open(new IncidentId(3), IncidentKind.MODEL_CHANGE,
                "", List.of(Target.model(OPUS_48)), ALICE, OPENED)).incident();
        DetourStatus paused = status(Set.of(), Set.of(LEGAL_REVIEW));

        assertEquals(IncidentKind.DEGRADATION, IncidentPicture.of(set, paused, List.of(), CATALOG).kind());
        assertEquals(IncidentKind.MODEL_CHANGE, IncidentPicture.of(modelChange, paused, List.of(), CATALOG).kind());
    }

    @Test
    void aFeaturePausedDuringTheIncidentKeepsItAnOutageOnceEverythingIsBack() {
        List<TimelineEntry> timeline = List.of(new TimelineEntry(OFF, Actor.policy("failover:stop"),
                new TimelineDetail.RouteChanged(new Route(LEGAL_REVIEW, RouteState.STOPPED, Optional.empty(),
                        Optional.empty(), RouteCause.STOP_POLICY))));

        assertEquals(IncidentKind.OUTAGE, IncidentPicture.of(opusOutage(), status(Set.of(), Set.of()), timeline,
                CATALOG).kind());
        assertEquals(IncidentKind.OUTAGE, IncidentPicture.kindOf(opusOutage(), timeline));
        assertEquals(IncidentKind.DEGRADATION, IncidentPicture.kindOf(opusOutage(), List.of()));
    }
}
