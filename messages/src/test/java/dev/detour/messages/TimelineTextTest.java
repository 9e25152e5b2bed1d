package dev.detour.messages;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.signals.SignalEvidence;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.IncidentState;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteCause;
import dev.detour.incidents.routing.RouteState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Timeline entries are data; these are the words they are told in, the same words they were once stored as, but
 * for a task class that nothing serves: once stored as {@code stopped}, it is now told as paused, as everywhere else,
 * with the model of a fallback question said in words (awaiting consent to move to it, or not moved to it).
 */
class TimelineTextTest {
    private static final Target OPUS_48 = Target.model(SeedCatalog.OPUS_48);
    private static final Target OPUS_47 = Target.model(SeedCatalog.OPUS_47);
    private static final Target GPT_5 = Target.model(SeedCatalog.GPT_5);
    private static final Target ANTHROPIC = Target.provider(SeedCatalog.ANTHROPIC);

    private final TimelineWords words = new TimelineWords(Wording.of("en"));
    private final TimelineText slack = new TimelineText(new Names(SeedCatalog.catalog()), Wording.of("en"));

    /** One detail of each kind, with the line the domain used to store for it (a paused class aside). */
    private static Map<TimelineDetail, String> lines() {
        Map<TimelineDetail, String> lines = new LinkedHashMap<>();
        lines.put(new TimelineDetail.Opened(IncidentKind.OUTAGE, List.of(ANTHROPIC, OPUS_48), "Opus: 529s"),
                "outage affecting provider anthropic, model claude-opus-4-8: Opus: 529s");
        lines.put(new TimelineDetail.Reopened(new IncidentId(3), "back again"), "reopens INC-3: back again");
        lines.put(new TimelineDetail.Acknowledged(), "acknowledged");
        lines.put(new TimelineDetail.StateChanged(IncidentState.INVESTIGATING, IncidentState.IDENTIFIED),
                "investigating -> identified");
        lines.put(new TimelineDetail.TitleSet("", "Opus answers slowly"), "named the incident: Opus answers slowly");
        lines.put(new TimelineDetail.KindSet(IncidentKind.OUTAGE, IncidentKind.DEGRADATION),
                "set the kind to degradation (was outage)");
        lines.put(new TimelineDetail.Resolved(IncidentState.MONITORING, "fixed"), "monitoring -> resolved: fixed");
        lines.put(new TimelineDetail.TargetsAdded(List.of(ANTHROPIC, GPT_5)), "provider anthropic, model gpt-5");
        lines.put(new TimelineDetail.Update("provider confirmed", ""), "provider confirmed");
        lines.put(new TimelineDetail.Update("", "Some features are paused"), "for customers: Some features are paused");
        lines.put(new TimelineDetail.Update("provider confirmed", "Some features are paused"),
                "provider confirmed (for customers: Some features are paused)");
        lines.put(new TimelineDetail.AvailabilityChanged(GPT_5, false, Optional.of("529s")),
                "model gpt-5 unavailable: 529s");
        lines.put(new TimelineDetail.RouteChanged(new Route(SeedCatalog.CODE_MIGRATION, RouteState.AWAITING_CONSENT,
                Optional.empty(), Optional.of(SeedCatalog.GPT_5), RouteCause.CONSENT_PENDING)),
                "code-migration: paused, awaiting consent to move to gpt-5");
        lines.put(new TimelineDetail.Signalled("gateway", true, List.of(OPUS_48, GPT_5),
                new SignalEvidence.OurSideRefused(0.41, 320), TimelineDetail.Signalled.Side.OUR_SIDE),
                "gateway reports claude-opus-4-8, gpt-5: our side: 41% of 320 requests refused with 401/403 (our"
                        + " credential or account) (our side: our credential or account, not the provider)");
        lines.put(new TimelineDetail.StatusPageIncident("Elevated errors", "major", "investigating", "Looking."),
                "status page incident \"Elevated errors\" (impact major): investigating — Looking.");
        lines.put(new TimelineDetail.ScopeChosen(List.of(ANTHROPIC), List.of(OPUS_48, OPUS_47), true),
                "scope: switched off only model claude-opus-4-8, model claude-opus-4-7; switching off all of"
                        + " provider anthropic was proposed and avoided");
        lines.put(new TimelineDetail.ScopeChosen(List.of(ANTHROPIC), List.of(OPUS_48), false),
                "scope: all of provider anthropic; a narrower scope (model claude-opus-4-8) was offered");
        lines.put(new TimelineDetail.ScopeChosen(List.of(ANTHROPIC), List.of(), false),
                "scope: all of provider anthropic; no narrower scope was offered");
        lines.put(new TimelineDetail.ApprovalStep(TimelineDetail.ApprovalStep.Step.APPROVED, List.of(ANTHROPIC)),
                "approved switching off provider anthropic");
        lines.put(new TimelineDetail.AsWritten(TimelineEntry.Type.SIGNAL, "as it was stored"), "as it was stored");
        return lines;
    }

    @Test
    void everyKindOfDetailReadsAsTheLineItWasOnceStoredAs() {
        Map<TimelineDetail, String> lines = lines();
        assertEquals(Set.of(TimelineDetail.class.getPermittedSubclasses()),
                lines.keySet().stream().map(Object::getClass).collect(Collectors.toSet()), "one of each kind");

        lines.forEach((detail, line) -> assertEquals(line, words.plain(detail), detail.toString()));
    }

    @Test
    void moreLinesReadAsTheyWereStored() {
        assertEquals("identified -> resolved", words.plain(new TimelineDetail.Resolved(IncidentState.IDENTIFIED, "")));
        assertEquals("reopens INC-3", words.plain(new TimelineDetail.Reopened(new IncidentId(3), "")));
        assertEquals("provider anthropic available", words.plain(new TimelineDetail.AvailabilityChanged(ANTHROPIC,
                true, Optional.empty())));
        assertEquals("meeting-summary: fallback gpt-5", words.plain(new TimelineDetail.RouteChanged(new Route(
                SeedCatalog.MEETING_SUMMARY, RouteState.FALLBACK, Optional.of(SeedCatalog.GPT_5), Optional.empty(),
                RouteCause.AUTO_FAILOVER))));
        assertEquals("legal-review: paused", words.plain(new TimelineDetail.RouteChanged(new Route(
                SeedCatalog.LEGAL_REVIEW, RouteState.STOPPED, Optional.empty(), Optional.empty(),
                RouteCause.STOP_POLICY))));
        assertEquals("alertmanager clears gpt-5: HighErrorRate: ok", words.plain(new TimelineDetail.Signalled(
                "alertmanager", false, List.of(GPT_5), new SignalEvidence.Alert("HighErrorRate", "ok"),
                TimelineDetail.Signalled.Side.PROVIDER)));
        assertEquals("gateway clears gpt-5: as it was stored", words.plain(new TimelineDetail.Signalled("gateway",
                false, List.of(GPT_5), new SignalEvidence.AsWritten("as it was stored"),
                TimelineDetail.Signalled.Side.PROVIDER)), "a signal stored before typed evidence shows its line");
        assertEquals("status page incident \"Errors\" (impact minor): resolved", words.plain(
                new TimelineDetail.StatusPageIncident("Errors", "minor", "resolved", "")));
    }

    @Test
    void aTaskClassThatServesNothingIsPausedInTheTimelineAsInEveryOtherMessage() {
        assertEquals("legal-review: paused", words.plain(routeChanged(new Route(SeedCatalog.LEGAL_REVIEW,
                RouteState.STOPPED, Optional.empty(), Optional.empty(), RouteCause.STOP_POLICY))));
        assertEquals("code-migration: paused, not moved to gpt-5", words.plain(routeChanged(new Route(
                SeedCatalog.CODE_MIGRATION, RouteState.STOPPED, Optional.empty(), Optional.of(SeedCatalog.GPT_5),
                RouteCause.CONSENT_TIMEOUT_DENIED))), "the declined model is named as declined, not as serving");
        assertEquals("code-migration: paused, not moved to gpt-5", words.plain(routeChanged(new Route(
                SeedCatalog.CODE_MIGRATION, RouteState.STOPPED, Optional.empty(), Optional.of(SeedCatalog.GPT_5),
                RouteCause.CONSENT_DENIED))));
        assertEquals("code-migration: paused, awaiting consent to move to gpt-5", words.plain(routeChanged(new Route(
                SeedCatalog.CODE_MIGRATION, RouteState.AWAITING_CONSENT, Optional.empty(),
                Optional.of(SeedCatalog.GPT_5), RouteCause.CONSENT_PENDING))));
        assertEquals("legal-review: paused", slack.of(entry(routeChanged(new Route(SeedCatalog.LEGAL_REVIEW,
                RouteState.STOPPED, Optional.empty(), Optional.empty(), RouteCause.STOP_POLICY))), 3000));
    }

    @Test
    void noStateThatServesNothingIsToldInItsWireWord() {
        for (RouteState state : RouteState.values()) {
            if (state.serves()) {
                continue; // `primary` and `fallback` are the words people use too
            }
            RouteCause cause = state == RouteState.STOPPED ? RouteCause.CONSENT_DENIED : RouteCause.CONSENT_PENDING;
            String line = words.plain(routeChanged(new Route(SeedCatalog.CODE_MIGRATION, state, Optional.empty(),
                    Optional.of(SeedCatalog.GPT_5), cause)));
            assertFalse(line.contains(state.word()), line);
        }
    }

    @Test
    void inSlackAnOpeningAndAddedTargetsNameTargetsByDisplayNameAndTheRestIsEscaped() {
        assertEquals("opened it: Outage affecting Anthropic (`anthropic`), Claude Opus 4.8 (`claude-opus-4-8`)"
                        + " — Opus &lt;fails&gt;",
                slack.of(entry(new TimelineDetail.Opened(IncidentKind.OUTAGE, List.of(OPUS_48, ANTHROPIC),
                        "Opus <fails>")), 3000));
        assertEquals("added GPT-5 (`gpt-5`) to the incident",
                slack.of(entry(new TimelineDetail.TargetsAdded(List.of(GPT_5))), 3000));
        assertEquals("investigating -&gt; identified", slack.of(entry(new TimelineDetail.StateChanged(
                IncidentState.INVESTIGATING, IncidentState.IDENTIFIED)), 3000));
        assertEquals("&lt;!channel&gt; as stored", slack.of(entry(new TimelineDetail.AsWritten(
                TimelineEntry.Type.UPDATE, "<!channel> as stored")), 3000));
    }

    private static TimelineDetail routeChanged(Route route) {
        return new TimelineDetail.RouteChanged(route);
    }

    private static TimelineEntry entry(TimelineDetail detail) {
        return new TimelineEntry(Instant.parse("2026-06-07T07:10:00Z"), Actor.user("U0ALICE"), detail);
    }
}
