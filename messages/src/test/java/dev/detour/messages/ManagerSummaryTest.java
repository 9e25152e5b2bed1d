package dev.detour.messages;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.readmodel.IncidentReport;
import dev.detour.incidents.readmodel.RampHistory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The manager summary of the seed incident reads in two minutes and answers what a manager asks. */
class ManagerSummaryTest {
    private final Scenario seed = Scenario.seed();
    private final SlackMessage summary = new ManagerSummary(seed.names(), Wording.of("en")).render(seed.report());

    @Test
    void theSeedIncidentsSummaryFitsFifteenLines() {
        List<String> lines = lines();
        assertTrue(lines.size() <= 15, lines.size() + " lines:\n" + String.join("\n", lines));
    }

    @Test
    void eachRampIsOneLineWithItsStepsRollbacksAndHowLongRecoveryTook() {
        SlackMessage ramped = new ManagerSummary(seed.names(), Wording.of("en")).render(seed.rampedReport());
        String text = SlackJson.of(ramped).getAsJsonArray("blocks").get(1).getAsJsonObject().getAsJsonObject("text")
                .get("text").getAsString();
        List<String> lines = List.of(text.split("\n"));

        assertTrue(text.contains("• Claude Opus 4.8 came back step by step (10% \u2192 50% \u2192 100%): 100% 25m after it was"
                + " first enabled; rollbacks: 1"), text);
        assertTrue(lines.size() <= 15, lines.size() + " lines:\n" + text);
    }

    @Test
    void rampsThatWentAlikeShareOneLineSoTwoModelsComingBackTogetherKeepTheSummaryShort() {
        IncidentReport report = seed.rampedReport();
        RampHistory first = report.ramps().get(0);
        List<RampHistory> alike = List.of(first, new RampHistory(Target.model(SeedCatalog.OPUS_47), first.steps(),
                first.firstEnabled(), first.completedAt(), first.rollbacks(), false));
        IncidentReport twoAlike = new IncidentReport(report.incident(), report.timeline(), report.routeChanges(),
                report.at(), report.approvals(), alike);

        String text = SlackJson.of(new ManagerSummary(seed.names(), Wording.of("en")).render(twoAlike))
                .getAsJsonArray("blocks").get(1).getAsJsonObject().getAsJsonObject("text").get("text").getAsString();

        assertTrue(text.contains("• Claude Opus 4.8, Claude Opus 4.7 came back step by step (10% \u2192 50% \u2192"
                + " 100%): 100% 25m after it was first enabled; rollbacks: 1"), text);
        assertEquals(1, text.lines().filter(line -> line.contains("came back step by step")).count(), text);
    }

    @Test
    void aManagerWhoReadsOnlyTheSummaryFindsWhatTheyAsk() {
        String text = String.join("\n", lines());
        // how long users were affected, next to how long it was open
        assertTrue(text.contains("Users affected for 1h 26m"), text);
        assertTrue(text.contains("incident open 1h 35m"), text);
        // which features, one line each
        for (String feature : List.of("Meeting summaries: on GPT-5 for 1h 26m", "Code migration plans: paused",
                "Contract review: paused")) {
            assertTrue(text.contains("• " + feature), feature + " in\n" + text);
        }
        // found how, with the lead over the provider's page
        assertTrue(text.contains("Found by our gateway"), text);
        assertTrue(text.contains("1m before the provider's status page"), text);
        // who decided what, the default taken by policy too
        assertTrue(text.contains("<@U0ALICE> switched off Claude Opus 4.8"), text);
        assertTrue(text.contains("nobody answered in time: Code migration plans stayed paused by policy default"), text);
        assertTrue(text.contains("<@U0BOB> resolved it"), text);
        // the cause and what happens next
        assertTrue(text.contains("*Cause:* Anthropic ran out of capacity"), text);
        assertTrue(text.contains("*Next:* Add a second provider for Contract review (<@U0BOB>, due 2026-06-20)"), text);
        assertTrue(text.contains("`/detour summary INC-1 full`"), text);
    }

    @Test
    void itSpeaksOfProvidersFeaturesAndTheFirstActionNotOfTaskClassesOrMitigation() {
        String text = String.join("\n", lines()).toLowerCase();
        for (String word : List.of("task class", "mitigat", "primary", "signal:", "policy:")) {
            assertTrue(!text.contains(word), word + " in\n" + text);
        }
        assertTrue(text.contains("first action after 2m"), text);
    }

    @Test
    void theFullSummaryStillHasTheWholeTimeline() {
        SlackMessage full = new ManagerSummary(seed.names(), Wording.of("en")).renderFull(seed.report());
        String json = SlackJson.of(full).toString();
        assertTrue(json.contains("Timeline"), json);
        assertTrue(json.contains("Time to first action"), json);
        assertEquals(seed.report().timeline().size(), SlackJson.of(full).getAsJsonArray("blocks")
                .get(SlackJson.of(full).getAsJsonArray("blocks").size() - 1).getAsJsonObject()
                .getAsJsonObject("text").get("text").getAsString().split("\n").length - 1);
    }

    @Test
    void theSummarySaysWhichScopeWasChosenAndWhetherANarrowerOneWasOfferedInOneLine() {
        Target anthropic = Target.provider(dev.detour.incidents.SeedCatalog.ANTHROPIC);
        Target opus48 = Target.model(dev.detour.incidents.SeedCatalog.OPUS_48);
        List<Target> opus = List.of(opus48, Target.model(dev.detour.incidents.SeedCatalog.OPUS_47));

        List<String> narrowed = lines(withScope(new TimelineDetail.ScopeChosen(List.of(anthropic), List.of(opus48),
                true)));
        List<String> wide = lines(withScope(new TimelineDetail.ScopeChosen(List.of(anthropic), opus, false)));
        List<String> only = lines(withScope(new TimelineDetail.ScopeChosen(List.of(anthropic), List.of(), false)));

        assertTrue(narrowed.stream().anyMatch(line -> line.endsWith("<@U0ALICE> switched off Claude Opus 4.8 — only"
                + " the failing models; switching off all of Anthropic was proposed and avoided")),
                "with the switch-off it belongs to:\n" + String.join("\n", narrowed));
        assertTrue(wide.stream().anyMatch(line -> line.endsWith("*Scope:* Anthropic switched off — a narrower scope"
                + " (Claude Opus 4.8, Claude Opus 4.7) was offered")), String.join("\n", wide));
        assertTrue(only.stream().anyMatch(line -> line.endsWith("*Scope:* Anthropic switched off — no narrower scope"
                + " was offered")), String.join("\n", only));
        assertEquals(lines().size(), narrowed.size(), "not a line more");
        assertTrue(lines().stream().noneMatch(line -> line.contains("Scope") || line.contains("narrower")),
                "no proposal, no scope");
    }

    /** The seed report with {@code scope} recorded right after Alice's switch-off, as a confirmation records it. */
    private IncidentReport withScope(TimelineDetail.ScopeChosen scope) {
        IncidentReport report = seed.report();
        List<TimelineEntry> timeline = new ArrayList<>(report.timeline());
        TimelineEntry switchOff = timeline.stream().filter(entry -> entry.detail()
                instanceof TimelineDetail.AvailabilityChanged).findFirst().orElseThrow();
        timeline.add(timeline.indexOf(switchOff) + 1, new TimelineEntry(switchOff.at(), switchOff.actor(), scope));
        return new IncidentReport(report.incident(), timeline, report.routeChanges(), report.at());
    }

    private List<String> lines(IncidentReport report) {
        return lines(new ManagerSummary(seed.names(), Wording.of("en")).render(report));
    }

    /** What a reader sees: the lines of every block's text. */
    private List<String> lines() {
        return lines(summary);
    }

    private static List<String> lines(SlackMessage summary) {
        List<String> lines = new ArrayList<>();
        for (JsonElement block : SlackJson.of(summary).getAsJsonArray("blocks")) {
            JsonObject text = block.getAsJsonObject().getAsJsonObject("text");
            lines.addAll(List.of(text.get("text").getAsString().split("\n")));
        }
        return lines;
    }
}
