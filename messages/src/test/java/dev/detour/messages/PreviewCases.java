package dev.detour.messages;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.DetectionSettings;
import dev.detour.incidents.catalog.Model;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Provider;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.preview.ChangePreview;
import dev.detour.incidents.preview.ModelEvidence;
import dev.detour.incidents.preview.Preview;
import dev.detour.incidents.preview.PreviewOutcome;
import dev.detour.incidents.preview.ProposedChange;
import dev.detour.incidents.preview.RoutingSnapshot;
import dev.detour.incidents.routing.Availability;
import dev.detour.incidents.routing.RoutePlanner;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The previews the golden files show: switching off a scenario's first provider while everything is available,
 * the first models of it failing (the seed's two Opus models; half of a big provider's) and the rest healthy. The
 * hostile scenario's failing models are reported by a source whose name carries Slack markup.
 */
final class PreviewCases {
    static final String HOSTILE_SOURCE = "alertmanager:<!channel> *x* <https://evil.example|click>";

    private PreviewCases() {
    }

    static Preview disableFirstProvider(Scenario scenario) {
        Catalog catalog = scenario.catalog();
        Provider provider = catalog.providers().get(0);
        List<Model> models = provider.models();
        int failing = Math.max(2, models.size() / 2);
        Map<ModelId, ModelEvidence> evidence = new LinkedHashMap<>();
        for (int i = 0; i < models.size(); i++) {
            ModelId model = models.get(i).id();
            boolean fails = i < failing;
            List<String> firing = fails && scenario.name().equals("hostile") ? List.of(HOSTILE_SOURCE) : List.of();
            evidence.put(model, new ModelEvidence(model, Optional.of(new ModelEvidence.Traffic(fails ? 412 : 1240,
                    fails ? 173 : 2, Duration.ofMinutes(5))), firing));
        }
        RoutingSnapshot state = new RoutingSnapshot(Availability.allAvailable(), Map.of(), Map.of(),
                new RoutePlanner().planAll(catalog, Availability.allAvailable(), Map.of(), Map.of()));
        PreviewOutcome outcome = new ChangePreview(catalog, DetectionSettings.DEFAULTS).preview(
                new ProposedChange.Disable(List.of(Target.provider(provider.id()))), state, evidence);
        return ((PreviewOutcome.Previewed) outcome).preview();
    }

    /** The preview of {@code change} in a settled state with {@code availability}, without evidence. */
    static Preview preview(Scenario scenario, Availability availability, ProposedChange change) {
        Catalog catalog = scenario.catalog();
        RoutingSnapshot state = new RoutingSnapshot(availability, Map.of(), Map.of(),
                new RoutePlanner().planAll(catalog, availability, Map.of(), Map.of()));
        return ((PreviewOutcome.Previewed) new ChangePreview(catalog, DetectionSettings.DEFAULTS).preview(change,
                state, Map.of())).preview();
    }
}
