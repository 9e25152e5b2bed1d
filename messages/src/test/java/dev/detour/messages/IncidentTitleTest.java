package dev.detour.messages;

import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.readmodel.IncidentPicture;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.detour.incidents.SeedCatalog.ANTHROPIC;
import static dev.detour.incidents.SeedCatalog.OPENAI;
import static dev.detour.incidents.SeedCatalog.OPUS_47;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static org.junit.jupiter.api.Assertions.assertEquals;

class IncidentTitleTest {
    private final Scenario seed = Scenario.seed();
    private final IncidentTitle titles = new IncidentTitle(seed.names(), Wording.of("en"));

    private static Incident incident(IncidentKind kind, String title, Target... affected) {
        return applied(Incident.open(new IncidentId(4), kind, title, List.of(affected), Actor.signal("gateway"),
                Instant.EPOCH));
    }

    private static Incident applied(IncidentChange change) {
        return ((IncidentChange.Applied) change).incident();
    }

    /** {@code incident} as things stand in {@code status}, with the gateway's signal about Opus 4.8 firing. */
    private IncidentPicture now(Incident incident, DetourStatus status) {
        return IncidentPicture.of(incident, status, seed.signals(), seed.catalog());
    }

    /** Everything on, except {@code off}. */
    private DetourStatus with(Target... off) {
        DetourStatus failing = seed.failing();
        List<Target> offTargets = List.of(off);
        return new DetourStatus(failing.at(), failing.providers().stream()
                .map(p -> new DetourStatus.ProviderStatus(p.id(), p.name(), !offTargets.contains(Target.provider(p.id())),
                        Optional.empty())).toList(),
                failing.models().stream().map(m -> new DetourStatus.ModelStatus(m.id(), m.provider(), m.name(),
                        !offTargets.contains(Target.model(m.id())), true, Optional.empty())).toList(),
                failing.taskClasses(), failing.openIncidents());
    }

    @Test
    void anIncidentWithoutATitleNamesTheProviderTheModelsAndTheImpact() {
        assertEquals("Anthropic: Claude Opus 4.8 failing",
                titles.of(incident(IncidentKind.DEGRADATION, "", Target.model(OPUS_48))));
        assertEquals("OpenAI failing", titles.of(incident(IncidentKind.OUTAGE, "", Target.provider(OPENAI))));
    }

    @Test
    void modelsOfOneProviderAreNamedUnderItOnceSayingTheirCommonWordsOnce() {
        assertEquals("OpenAI failing; Anthropic: Claude Opus 4.8 and 4.7 failing",
                titles.of(incident(IncidentKind.OUTAGE, "", Target.model(OPUS_48), Target.model(OPUS_47),
                        Target.provider(OPENAI))));
    }

    @Test
    void modelNamesWithNothingInCommonAreListedWhole() {
        assertEquals("GPT-5 and o3", titles.compact(List.of("GPT-5", "o3")));
        assertEquals("Claude Opus 4.8, 4.7 and 4.6", titles.compact(List.of("Claude Opus 4.8", "Claude Opus 4.7",
                "Claude Opus 4.6")));
    }

    @Test
    void switchingTheProviderOffRetitlesTheIncident() {
        Incident incident = incident(IncidentKind.OUTAGE, "", Target.model(OPUS_48), Target.model(OPUS_47));
        assertEquals("Anthropic: Claude Opus 4.8 and 4.7 failing", titles.of(now(incident, with())));

        Incident widened = applied(incident.affect(List.of(Target.provider(ANTHROPIC)), Scenario.ALICE,
                Instant.EPOCH.plusSeconds(60)));
        assertEquals("Anthropic switched off: Claude Opus 4.8 and 4.7 failing",
                titles.of(now(widened, with(Target.provider(ANTHROPIC)))));
        assertEquals("Anthropic switched off: Claude Opus 4.8 and 4.7 failing",
                titles.of(now(incident, with(Target.provider(ANTHROPIC)))),
                "a model switched on whose provider is off says the provider is off");
    }

    @Test
    void switchingTheProviderBackOnGivesTheTitleItHadBefore() {
        Incident incident = applied(incident(IncidentKind.OUTAGE, "", Target.model(OPUS_48), Target.model(OPUS_47))
                .affect(List.of(Target.provider(ANTHROPIC)), Scenario.ALICE, Instant.EPOCH.plusSeconds(60)));

        assertEquals("Anthropic: Claude Opus 4.8 and 4.7 failing", titles.of(now(incident, with())));
    }

    @Test
    void aTitleSetByOnCallWinsOverTheOneMadeFromTheScope() {
        Incident incident = incident(IncidentKind.OUTAGE, "", Target.model(OPUS_48));
        Incident titled = applied(incident.retitle("Opus answers slowly", Scenario.ALICE, Instant.EPOCH));
        assertEquals("Opus answers slowly", titles.of(now(titled, with(Target.provider(ANTHROPIC)))));
        assertEquals("Opus answers slowly", titles.of(titled));
    }

    @Test
    void aTitleAPersonTypedWhenDeclaringStaysAsTyped() {
        assertEquals("Opus is slow", titles.of(incident(IncidentKind.DEGRADATION, "Opus is slow",
                Target.model(OPUS_48))));
    }

    @Test
    void aSetTitleIsEscapedInTheRootMessage() {
        Incident titled = applied(seed.acknowledged().retitle("Opus <!channel> & <https://evil.example|x>",
                Scenario.ALICE, Scenario.UPDATED));
        String json = SlackJson.of(new IncidentRootMessage(seed.names(), Wording.of("en"))
                .render(titled, seed.during(), List.<TimelineEntry>of())).toString();
        assertEquals(false, json.contains("<!channel>"), json);
        assertEquals(true, json.contains("Opus &lt;!channel&gt; &amp; &lt;https://evil.example|x&gt;"), json);
    }

    @Test
    void aKindNobodySetFollowsWhatUsersNotice() {
        Incident outage = incident(IncidentKind.OUTAGE, "", Target.model(OPUS_48));
        assertEquals(IncidentKind.DEGRADATION, now(outage, with()).kind(), "models fail, everything is served");
        assertEquals(IncidentKind.OUTAGE, IncidentPicture.of(outage, seed.during(), List.of(), seed.catalog()).kind(),
                "a paused feature makes it an outage");
        Incident set = applied(outage.setKind(IncidentKind.OUTAGE, Scenario.ALICE, Instant.EPOCH));
        assertEquals(IncidentKind.OUTAGE, now(set, with()).kind(), "a kind on-call set stays");
        assertEquals(IncidentKind.DEGRADATION, IncidentPicture.kindOf(outage, seed.signals()));
        assertEquals(IncidentKind.OUTAGE, IncidentPicture.of(outage, seed.after(),
                List.of(new TimelineEntry(Scenario.DISABLED, Actor.policy("failover:stop"),
                        new TimelineDetail.RouteChanged(new dev.detour.incidents.routing.Route(
                                seed.catalog().taskClasses().get(0).id(),
                                dev.detour.incidents.routing.RouteState.STOPPED, Optional.empty(), Optional.empty(),
                                dev.detour.incidents.routing.RouteCause.STOP_POLICY)))), seed.catalog()).kind(),
                "a feature paused during the incident keeps it an outage once it is back");
    }
}
