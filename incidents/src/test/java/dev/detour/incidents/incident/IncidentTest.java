package dev.detour.incidents.incident;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.detour.incidents.SeedCatalog.ANTHROPIC;
import static dev.detour.incidents.SeedCatalog.GPT_5;
import static dev.detour.incidents.SeedCatalog.OPUS_47;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IncidentTest {
    private static final Actor ALICE = Actor.user("U0ALICE");
    private static final Instant OPENED = Instant.parse("2026-06-07T07:12:00Z");

    static Stream<Arguments> everyPairOfStates() {
        return Arrays.stream(IncidentState.values()).flatMap(from -> Arrays.stream(IncidentState.values())
                .map(to -> Arguments.of(from, to, from != IncidentState.RESOLVED && from != to)));
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("everyPairOfStates")
    void openStatesMoveToAnyOtherStateAndResolvedIsTerminal(IncidentState from, IncidentState to, boolean allowed) {
        Incident incident = in(from);

        IncidentChange change = incident.moveTo(to, ALICE, OPENED.plusSeconds(60));

        assertEquals(allowed, change.applied());
        if (change instanceof IncidentChange.Applied applied) {
            assertEquals(to, applied.incident().state());
            assertEquals(to == IncidentState.RESOLVED, applied.incident().resolvedAt().isPresent());
            assertEquals(1, applied.entries().size());
        } else {
            assertNotNull(((IncidentChange.Rejected) change).refusal());
        }
    }

    @Test
    void anIncidentNeedsSomethingToBeAbout() {
        IncidentChange change = Incident.open(new IncidentId(1), IncidentKind.OUTAGE, "", List.of(), ALICE, OPENED);
        assertInstanceOf(IncidentChange.Rejected.class, change);
    }

    @Test
    void openingStartsInvestigatingWithOneTimelineEntry() {
        IncidentChange.Applied opened = (IncidentChange.Applied) Incident.open(new IncidentId(7),
                IncidentKind.DEGRADATION, "elevated 529s", List.of(Target.model(OPUS_48), Target.model(OPUS_47)),
                ALICE, OPENED);

        assertEquals(IncidentState.INVESTIGATING, opened.incident().state());
        assertEquals(TimelineEntry.Type.OPENED, opened.entries().get(0).type());
        assertEquals(new TimelineDetail.Opened(IncidentKind.DEGRADATION,
                List.of(Target.model(OPUS_47), Target.model(OPUS_48)), "elevated 529s"),
                opened.entries().get(0).detail());
        assertEquals("INC-7", opened.incident().id().toString());
    }

    @Test
    void resolvingKeepsTheSummaryOnTheResolutionEntry() {
        IncidentChange.Applied resolved = (IncidentChange.Applied) in(IncidentState.MONITORING)
                .resolve(ALICE, OPENED.plusSeconds(3600), "provider fixed its capacity issue");

        assertEquals(IncidentState.RESOLVED, resolved.incident().state());
        assertEquals(new TimelineDetail.Resolved(IncidentState.MONITORING, "provider fixed its capacity issue"),
                resolved.entries().get(0).detail());
        assertEquals(Duration.ofHours(1), resolved.incident().duration(OPENED.plusSeconds(99_999)));
    }

    @Test
    void aResolvedIncidentIsReopenedAsANewIncidentLinkedToTheOldOne() {
        Incident resolved = in(IncidentState.RESOLVED);

        IncidentChange.Applied reopened = (IncidentChange.Applied) resolved.reopen(new IncidentId(2), ALICE,
                OPENED.plusSeconds(7200), "errors are back");

        assertEquals(new IncidentId(2), reopened.incident().id());
        assertEquals(Optional.of(resolved.id()), reopened.incident().reopenedFrom());
        assertEquals(IncidentState.INVESTIGATING, reopened.incident().state());
        assertEquals(resolved.affected(), reopened.incident().affected());
        assertInstanceOf(IncidentChange.Rejected.class,
                in(IncidentState.IDENTIFIED).reopen(new IncidentId(3), ALICE, OPENED, ""));
    }

    @Test
    void acknowledgingTwiceIsRefusedAndNamesWhoAcknowledged() {
        Incident acknowledged = ((IncidentChange.Applied) in(IncidentState.INVESTIGATING)
                .acknowledge(Actor.user("U0BOB"), OPENED.plusSeconds(30))).incident();

        IncidentChange again = acknowledged.acknowledge(ALICE, OPENED.plusSeconds(60));

        assertEquals(new Refusal.AlreadyAcknowledged(acknowledged.id(), Actor.user("U0BOB")),
                ((IncidentChange.Rejected) again).refusal());
    }

    @Test
    void wideningAddsOnlyNewTargetsAndRefusesWhenNothingIsNew() {
        Incident incident = in(IncidentState.INVESTIGATING);

        IncidentChange.Applied widened = (IncidentChange.Applied) incident.affect(
                List.of(Target.model(OPUS_48), Target.provider(ANTHROPIC)), ALICE, OPENED.plusSeconds(5));

        assertEquals(List.of(Target.provider(ANTHROPIC), Target.model(OPUS_48)), widened.incident().affected());
        assertEquals(new TimelineDetail.TargetsAdded(List.of(Target.provider(ANTHROPIC))),
                widened.entries().get(0).detail());
        assertInstanceOf(IncidentChange.Rejected.class,
                widened.incident().affect(List.of(Target.model(OPUS_48)), ALICE, OPENED));
    }

    @Test
    void aTitleOnCallSetsReplacesTheOneBeforeOnTheIncidentAndOnItsTimeline() {
        IncidentChange.Applied titled = (IncidentChange.Applied) in(IncidentState.IDENTIFIED)
                .retitle("  Opus answers slowly ", ALICE, OPENED.plusSeconds(60));

        assertEquals("Opus answers slowly", titled.incident().title());
        assertEquals(IncidentState.IDENTIFIED, titled.incident().state());
        assertEquals(List.of(new TimelineEntry(OPENED.plusSeconds(60), ALICE,
                new TimelineDetail.TitleSet("", "Opus answers slowly"))), titled.entries());
    }

    @Test
    void anEmptyTooLongOrUnchangedTitleIsRefused() {
        Incident incident = in(IncidentState.INVESTIGATING);

        assertEquals(new IncidentChange.Rejected(new Refusal.TitleNeedsText()), incident.retitle(" ", ALICE, OPENED));
        assertEquals(new IncidentChange.Rejected(new Refusal.TooLong(Refusal.Text.TITLE, TextLimits.TITLE + 1,
                TextLimits.TITLE)), incident.retitle("x".repeat(TextLimits.TITLE + 1), ALICE, OPENED));
        Incident titled = ((IncidentChange.Applied) incident.retitle("Opus slow", ALICE, OPENED)).incident();
        assertEquals(new IncidentChange.Rejected(new Refusal.AlreadyTitled(incident.id())),
                titled.retitle("Opus slow", ALICE, OPENED));
    }

    @Test
    void aKindOnCallSetsStaysSetThroughLaterChanges() {
        Incident incident = in(IncidentState.INVESTIGATING);
        assertFalse(incident.kindSet());

        IncidentChange.Applied set = (IncidentChange.Applied) incident.setKind(IncidentKind.MODEL_CHANGE, ALICE,
                OPENED.plusSeconds(60));
        Incident later = ((IncidentChange.Applied) set.incident().acknowledge(ALICE, OPENED.plusSeconds(90)))
                .incident();

        assertEquals(IncidentKind.MODEL_CHANGE, later.kind());
        assertTrue(later.kindSet());
        assertEquals(new TimelineDetail.KindSet(incident.kind(), IncidentKind.MODEL_CHANGE),
                set.entries().get(0).detail());
        assertEquals(new IncidentChange.Rejected(new Refusal.AlreadyOfKind(incident.id(), IncidentKind.MODEL_CHANGE)),
                later.setKind(IncidentKind.MODEL_CHANGE, ALICE, OPENED));
        assertInstanceOf(IncidentChange.Applied.class, incident.setKind(incident.kind(), ALICE, OPENED),
                "confirming the kind it was opened with sets it");
    }

    @Test
    void anIncidentAboutAProviderCoversEachOfItsModels() {
        Incident incident = ((IncidentChange.Applied) Incident.open(new IncidentId(1), IncidentKind.OUTAGE, "",
                List.of(Target.provider(ANTHROPIC)), ALICE, OPENED)).incident();

        assertTrue(incident.covers(Target.model(OPUS_47), SeedCatalog.catalog()));
        assertFalse(incident.covers(Target.model(GPT_5), SeedCatalog.catalog()));
    }

    @Test
    void overLongTextIsRefusedAndSaysHowLongItWas() {
        String title = "x".repeat(TextLimits.TITLE + 1);
        IncidentChange opened = Incident.open(new IncidentId(1), IncidentKind.OUTAGE, title,
                List.of(Target.model(OPUS_48)), ALICE, OPENED);
        assertEquals(new Refusal.TooLong(Refusal.Text.TITLE, 201, 200), ((IncidentChange.Rejected) opened).refusal());

        String text = "y".repeat(TextLimits.TEXT + 1);
        assertInstanceOf(IncidentChange.Rejected.class, in(IncidentState.IDENTIFIED).postUpdate(UpdateText.internalOnly(text), ALICE, OPENED));
        assertInstanceOf(IncidentChange.Rejected.class,
                in(IncidentState.IDENTIFIED).postUpdate(new UpdateText("fine", text), ALICE, OPENED));
        assertInstanceOf(IncidentChange.Rejected.class, in(IncidentState.MONITORING).resolve(ALICE, OPENED, text));
        assertInstanceOf(IncidentChange.Applied.class,
                in(IncidentState.IDENTIFIED).postUpdate(new UpdateText("y".repeat(TextLimits.TEXT),
                        "z".repeat(TextLimits.TEXT)), ALICE, OPENED));
    }

    @Test
    void anUpdateNeedsText() {
        assertInstanceOf(IncidentChange.Rejected.class,
                in(IncidentState.IDENTIFIED).postUpdate(new UpdateText("  ", " "), ALICE, OPENED));
    }

    @Test
    void incidentIdsReadTheirOwnFormatAndNothingElse() {
        assertEquals(Optional.of(new IncidentId(12)), IncidentId.parse("inc-12"));
        assertEquals(Optional.empty(), IncidentId.parse("INC-0"));
        assertEquals(Optional.empty(), IncidentId.parse("INC-x"));
        assertEquals(Optional.empty(), IncidentId.parse("12"));
        assertThrows(IllegalArgumentException.class, () -> new IncidentId(0));
    }

    private static Incident in(IncidentState state) {
        Incident open = ((IncidentChange.Applied) Incident.open(new IncidentId(1), IncidentKind.OUTAGE, "",
                List.of(Target.model(OPUS_48)), ALICE, OPENED)).incident();
        if (state == IncidentState.INVESTIGATING) {
            return open;
        }
        return ((IncidentChange.Applied) open.moveTo(state, ALICE, OPENED.plusSeconds(3600))).incident();
    }
}
