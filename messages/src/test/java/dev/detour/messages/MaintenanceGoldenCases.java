package dev.detour.messages;

import dev.detour.incidents.catalog.MaintenancePolicy;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.maintenance.MaintenanceId;
import dev.detour.incidents.maintenance.MaintenanceSource;
import dev.detour.incidents.maintenance.MaintenanceStatus;
import dev.detour.incidents.maintenance.MaintenanceStep;
import dev.detour.incidents.maintenance.MaintenanceWindow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A maintenance window of a scenario as the incident channel reads it (docs/maintenance.md): golden files
 * {@code maintenance-*-<scenario>}. The window takes the first task class's usual model away.
 */
final class MaintenanceGoldenCases {
    static final Instant STARTS = Scenario.NOW.plus(Duration.ofHours(3));

    private MaintenanceGoldenCases() {
    }

    static List<GoldenCase> of(Scenario scenario, Wording words) {
        MaintenanceText text = new MaintenanceText(scenario.names(), words);
        TaskClass first = scenario.catalog().taskClasses().get(0);
        Target provider = Target.provider(scenario.catalog().providerOf(first.primary()));
        MaintenanceWindow fromPage = MaintenanceWindow.recorded(MaintenanceId.fromStatusPage("page", "w2mq7h1v8k4d"),
                new MaintenanceSource.StatusPage(scenario.catalog().providerOf(first.primary()), "w2mq7h1v8k4d"),
                "Scheduled database maintenance", List.of(Target.model(first.primary())), STARTS,
                STARTS.plus(Duration.ofHours(2)), MaintenanceStatus.SCHEDULED, Scenario.NOW);
        MaintenanceWindow byHand = MaintenanceWindow.recorded(new MaintenanceId("M-3f9a1c"),
                new MaintenanceSource.ByHand(Actor.user("U0ALICE")), "", List.of(provider), STARTS,
                STARTS.plus(Duration.ofMinutes(90)), MaintenanceStatus.SCHEDULED, Scenario.NOW);
        List<GoldenCase> cases = new ArrayList<>();
        add(cases, scenario, "maintenance-announce", () -> text.notice(fromPage, MaintenanceStep.ANNOUNCE,
                MaintenancePolicy.PRE_ROUTE, Scenario.NOW));
        add(cases, scenario, "maintenance-remind", () -> text.notice(byHand, MaintenanceStep.REMIND,
                MaintenancePolicy.ANNOUNCE, STARTS.minus(MaintenanceWindow.REMINDER_LEAD)));
        add(cases, scenario, "maintenance-moved", () -> text.notice(fromPage.told(Scenario.NOW).revised(
                fromPage.name(), fromPage.targets(), STARTS.plus(Duration.ofHours(1)),
                STARTS.plus(Duration.ofHours(3)), MaintenanceStatus.SCHEDULED).orElseThrow(),
                MaintenanceStep.TELL_CHANGE, MaintenancePolicy.ANNOUNCE, Scenario.NOW));
        add(cases, scenario, "maintenance-called-off", () -> text.notice(byHand.told(Scenario.NOW).cancelled()
                .orElseThrow(), MaintenanceStep.TELL_CHANGE, MaintenancePolicy.ANNOUNCE, Scenario.NOW));
        return cases;
    }

    private static void add(List<GoldenCase> cases, Scenario scenario, String what, Supplier<SlackMessage> render) {
        cases.add(new GoldenCase(what + "-" + scenario.name(), () -> SlackJson.of(render.get())));
    }
}
