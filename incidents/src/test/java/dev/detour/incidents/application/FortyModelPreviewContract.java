package dev.detour.incidents.application;

import dev.detour.incidents.FortyModelCatalog;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.Model;
import dev.detour.incidents.catalog.Provider;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.preview.ProposedChange;
import dev.detour.incidents.queries.StatusService;
import dev.detour.incidents.routing.RouteOverride;
import dev.detour.incidents.testing.MovableClock;
import dev.detour.incidents.testing.SeedConfigFactory;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.detour.incidents.FortyModelCatalog.model;
import static dev.detour.incidents.FortyModelCatalog.provider;
import static dev.detour.incidents.FortyModelCatalog.task;

/**
 * The preview and the applied change compared field by field over the 40-model catalog (4 providers of 10 models,
 * 30 task classes taking turns of auto, consent and stop), on each database.
 */
abstract class FortyModelPreviewContract implements TestPropertyProvider {
    private static final Actor ALICE = Actor.user("U0ALICE");

    @Inject ChangePreviews previews;
    @Inject AvailabilityService availability;
    @Inject RouteService routes;
    @Inject IncidentService incidents;
    @Inject StatusService status;
    @Inject MovableClock clock;
    @Inject Catalog catalog;

    protected abstract Map<String, Object> database();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(SeedConfigFactory.properties(database()));
        properties.put(SeedConfigFactory.FORTY_MODELS, "true");
        return properties;
    }

    @BeforeEach
    void everythingAvailableWithoutOverrides() {
        List<Target> everything = new ArrayList<>();
        for (Provider provider : catalog.providers()) {
            everything.add(Target.provider(provider.id()));
            provider.models().stream().map(Model::id).map(Target::model).forEach(everything::add);
        }
        availability.set(everything, true, Actor.system("test"), Optional.empty(), Optional.empty());
        for (TaskClass taskClass : catalog.taskClasses()) {
            routes.override(taskClass.id(), Optional.empty(), Actor.system("test"), Optional.empty());
        }
        clock.advance(Duration.ofMinutes(10));
    }

    @AfterEach
    void resolveWhatTheTestLeftOpen() {
        incidents.openIncidents().forEach(incident -> incidents.resolve(incident.id(), ALICE, "test over"));
    }

    @Test
    void disablingEachProviderInTurnAppliesExactlyItsPreview() {
        for (int p = 0; p < FortyModelCatalog.PROVIDERS; p++) {
            assertAppliedAsPreviewed(new ProposedChange.Disable(List.of(Target.provider(provider(p)))));
        }
        for (int p = 0; p < FortyModelCatalog.PROVIDERS; p++) {
            assertAppliedAsPreviewed(new ProposedChange.Enable(List.of(Target.provider(provider(p)))));
        }
    }

    @Test
    void disablingModelsOfTwoProvidersAtOnceAppliesExactlyItsPreview() {
        assertAppliedAsPreviewed(new ProposedChange.Disable(List.of(Target.model(model(0, 1)), Target.model(model(1, 4)),
                Target.model(model(3, 7)))));
    }

    @Test
    void overridesAndConsentAnswersApplyExactlyTheirPreview() {
        assertAppliedAsPreviewed(new ProposedChange.Reroute(task(0), Optional.of(new RouteOverride.Stop())));
        assertAppliedAsPreviewed(new ProposedChange.Reroute(task(2), Optional.of(new RouteOverride.Pin(model(2, 9)))));
        availability.disable(List.of(Target.provider(provider(0))), ALICE, Optional.empty());
        assertAppliedAsPreviewed(new ProposedChange.Answer(task(1), ConsentAnswer.APPROVE));
        assertAppliedAsPreviewed(new ProposedChange.Answer(task(4), ConsentAnswer.DENY));
        assertAppliedAsPreviewed(new ProposedChange.Reroute(task(0), Optional.empty()));
    }

    private void assertAppliedAsPreviewed(ProposedChange change) {
        new AppliedAsPreviewed(previews, status, catalog).assertFor(change);
    }
}
