package dev.detour.incidents.approval;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.ConfirmPolicy;
import dev.detour.incidents.catalog.DetectionSettings;
import dev.detour.incidents.catalog.PolicySettings;
import dev.detour.incidents.catalog.SecondApproverPolicy;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.preview.ChangePreview;
import dev.detour.incidents.preview.Preview;
import dev.detour.incidents.preview.PreviewOutcome;
import dev.detour.incidents.preview.ProposedChange;
import dev.detour.incidents.preview.RoutingSnapshot;
import dev.detour.incidents.routing.Availability;
import dev.detour.incidents.routing.RoutePlanner;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static dev.detour.incidents.SeedCatalog.ANTHROPIC;
import static dev.detour.incidents.SeedCatalog.OPUS_47;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which switch-offs wait for a second on-call member (docs/routing.md, "Two-person rule"), over the seed catalog:
 * switching off Opus 4.8 moves two task classes (meeting summaries, contract review), Opus 4.7 one.
 */
class SecondApproverRuleTest {
    private static final Catalog SEED = SeedCatalog.catalog();
    private static final Actor ALICE = Actor.user("U0ALICE");
    private static final Actor SIGNAL = Actor.signal("gateway");

    private static SecondApproverRule rule(SecondApproverPolicy policy, OptionalInt above) {
        return new SecondApproverRule(new PolicySettings(ConfirmPolicy.PROVIDER, policy, Duration.ofMinutes(10),
                above));
    }

    private static boolean holds(SecondApproverRule rule, Actor by, Target... targets) {
        List<Target> named = List.of(targets);
        Availability all = Availability.allAvailable();
        RoutingSnapshot state = new RoutingSnapshot(all, Map.of(), Map.of(),
                new RoutePlanner().planAll(SEED, all, Map.of(), Map.of()));
        return rule.holds(named, by, () -> new ChangePreview(SEED, DetectionSettings.DEFAULTS)
                .preview(new ProposedChange.Disable(named), state, Map.of()) instanceof PreviewOutcome.Previewed p
                ? Optional.of(p.preview()) : Optional.<Preview>empty());
    }

    @Test
    void withoutAThresholdOnlyAWholeProviderByAPersonIsHeld() {
        SecondApproverRule rule = rule(SecondApproverPolicy.PROVIDER, OptionalInt.empty());
        assertTrue(holds(rule, ALICE, Target.provider(ANTHROPIC)));
        assertFalse(holds(rule, ALICE, Target.model(OPUS_48), Target.model(OPUS_47)), "every class moves, no provider");
        assertFalse(holds(rule, SIGNAL, Target.provider(ANTHROPIC)), "policy, not a person");
    }

    @Test
    void withSecondApproverAboveASwitchOffMovingMoreTaskClassesThanThatIsHeld() {
        SecondApproverRule rule = rule(SecondApproverPolicy.PROVIDER, OptionalInt.of(1));
        assertTrue(holds(rule, ALICE, Target.model(OPUS_48)), "two classes move: more than one");
        assertFalse(holds(rule, ALICE, Target.model(OPUS_47)), "one class moves: not more than one");
        assertTrue(holds(rule, ALICE, Target.provider(ANTHROPIC)), "a whole provider still is");
        assertFalse(holds(rule, SIGNAL, Target.model(OPUS_48)), "signals are never held");
    }

    @Test
    void neverHoldsNothing() {
        SecondApproverRule rule = rule(SecondApproverPolicy.NEVER, OptionalInt.empty());
        assertFalse(holds(rule, ALICE, Target.provider(ANTHROPIC)));
    }
}
