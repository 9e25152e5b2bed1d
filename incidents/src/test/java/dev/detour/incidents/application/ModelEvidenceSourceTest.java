package dev.detour.incidents.application;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.DetectionSettings;
import dev.detour.incidents.catalog.DetourConfig;
import dev.detour.incidents.catalog.Provider;
import dev.detour.incidents.catalog.SlackSettings;
import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.preview.ModelEvidence;
import dev.detour.incidents.signals.FiringAlerts;
import dev.detour.incidents.signals.GatewayMonitor;
import dev.detour.incidents.signals.ProviderStatusPageTracker;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.detour.incidents.SeedCatalog.GPT_5;
import static dev.detour.incidents.SeedCatalog.OPUS_47;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static dev.detour.incidents.SeedCatalog.SONNET_46;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The evidence a preview gets: the gateway's window per model and the status-page components that fail. */
class ModelEvidenceSourceTest {
    private static final Instant NOW = Instant.parse("2026-06-07T07:20:00Z");

    /** The seed catalog with the Opus models and Sonnet on status-page components of their own. */
    private final Catalog catalog = splitComponents(SeedCatalog.catalog());
    private final DetourConfig config = new DetourConfig(catalog, new SlackSettings("C0INCIDENTS", "C0SUPPORT",
            "C0MANAGERS", List.of("U0ALICE")), DetectionSettings.DEFAULTS, "test");
    private final GatewayMonitor gateway = new GatewayMonitor(catalog, config.detection());
    private final ProviderStatusPageTracker statusPages = new ProviderStatusPageTracker();
    private final FiringAlerts alerts = new FiringAlerts();
    private final ModelEvidenceSource source = new ModelEvidenceSource(catalog, config, gateway, statusPages, alerts,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theGatewaysWindowGivesRequestsAndProviderOrCapacityErrorsPerModel() {
        for (int i = 0; i < 40; i++) {
            gateway.record(OPUS_48, i % 4 != 0, i % 4 != 0 ? 200 : 529, 900, NOW);
            gateway.record(SONNET_46, true, 200, 700, NOW);
        }

        Map<dev.detour.incidents.catalog.ModelId, ModelEvidence> evidence = source.now();

        Duration window = DetectionSettings.DEFAULTS.window();
        assertEquals(new ModelEvidence(OPUS_48, Optional.of(new ModelEvidence.Traffic(40, 10, window)), List.of()),
                evidence.get(OPUS_48));
        assertEquals(new ModelEvidence(SONNET_46, Optional.of(new ModelEvidence.Traffic(40, 0, window)), List.of()),
                evidence.get(SONNET_46));
        assertEquals(ModelEvidence.none(GPT_5), evidence.get(GPT_5), "no traffic is no evidence");
        assertEquals(List.of(OPUS_48, OPUS_47, SONNET_46, GPT_5), List.copyOf(evidence.keySet()), "catalog order");
    }

    @Test
    void aFailingStatusPageComponentOrAGatewayDetectionMarksItsModelsAsFiring() {
        Provider anthropic = catalog.provider(SeedCatalog.ANTHROPIC).orElseThrow();
        statusPages.update(anthropic, "Opus", "major_outage", NOW);
        for (int i = 0; i < 40; i++) {
            gateway.record(OPUS_48, false, 529, 900, NOW);
        }
        gateway.evaluate(OPUS_48, NOW);

        Map<dev.detour.incidents.catalog.ModelId, ModelEvidence> evidence = source.now();

        assertEquals(List.of("gateway", "statuspage:anthropic"), evidence.get(OPUS_48).firing());
        assertEquals(List.of("statuspage:anthropic"), evidence.get(OPUS_47).firing());
        assertEquals(List.of(), evidence.get(SONNET_46).firing(), "its own component is fine");
    }

    @Test
    void aFiringAlertmanagerAlertAboutAModelIsFailingEvidenceAndBeatsHealthyTraffic() {
        for (int i = 0; i < 400; i++) {
            gateway.record(SONNET_46, true, 200, 700, NOW);
        }
        alerts.alert("3f1c0a", SONNET_46, true);
        alerts.alert("77ab20", OPUS_47, true);
        alerts.alert("77ab20", OPUS_47, false);

        Map<dev.detour.incidents.catalog.ModelId, ModelEvidence> evidence = source.now();

        assertEquals(List.of("alertmanager"), evidence.get(SONNET_46).firing());
        assertEquals(List.of(), evidence.get(OPUS_47).firing(), "its alert resolved");
        assertEquals(dev.detour.incidents.preview.ModelHealthVerdict.FAILING,
                new dev.detour.incidents.preview.ChangePreview(catalog, DetectionSettings.DEFAULTS)
                        .health(evidence.get(SONNET_46)),
                "a model with a firing alert is never called healthy, whatever its traffic");
    }

    private static Catalog splitComponents(Catalog seed) {
        List<Provider> providers = seed.providers().stream()
                .map(p -> p.id().equals(SeedCatalog.ANTHROPIC) ? new Provider(p.id(), p.name(), p.statusPage(),
                        false, false, Map.of("Opus", List.of(OPUS_48, OPUS_47), "Sonnet", List.of(SONNET_46)),
                        p.models()) : p)
                .toList();
        List<TaskClass> taskClasses = seed.taskClasses();
        return new Catalog(providers, taskClasses);
    }
}
