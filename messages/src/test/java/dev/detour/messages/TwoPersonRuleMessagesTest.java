package dev.detour.messages;

import com.google.gson.JsonElement;
import dev.detour.incidents.approval.Approval;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.readmodel.IncidentReport;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.detour.incidents.SeedCatalog.ANTHROPIC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two-person rule in words (docs/routing.md, "Two-person rule"): the settled lines of the thread message, the
 * pending request in the root message, one line per big change in the manager summary.
 */
class TwoPersonRuleMessagesTest {
    private static final Actor ALICE = Actor.user("U0ALICE");
    private static final Actor BOB = Actor.user("U0BOB");
    private static final Instant ASKED = Instant.parse("2026-06-07T07:15:00Z");

    private final Scenario seed = Scenario.seed();
    private final ApprovalMessage messages = new ApprovalMessage(seed.names(), Wording.of("en"));

    private Approval request() {
        return Approval.request(seed.id(), List.of(Target.provider(ANTHROPIC)),
                Optional.of("529s"), ALICE, ASKED, "v1", Duration.ofMinutes(10)).withId(7);
    }

    private static String text(SlackMessage message) {
        return SlackJson.of(message).toString();
    }

    @Test
    void anApprovedRequestSaysWhoApprovedWhenAndHowLongItTook() {
        Approval approved = request().settled(Approval.State.APPROVED, BOB, ASKED.plus(Duration.ofMinutes(3)));

        String line = text(messages.settled(approved, ASKED));

        assertTrue(line.contains("Approved by <@U0BOB> at <!date^" + ASKED.plusSeconds(180).getEpochSecond()), line);
        assertTrue(line.contains("Anthropic switched off, asked by <@U0ALICE>, approval took 3m"), line);
        assertTrue(!line.contains(Interactions.APPROVE), "no button left");
    }

    @Test
    void anExpiredRequestSaysNothingChanged() {
        Approval expired = request().settled(Approval.State.EXPIRED, Actor.policy("approval-timeout"),
                ASKED.plus(Duration.ofMinutes(10)));

        assertTrue(text(messages.settled(expired, ASKED)).contains("Nobody approved within 10m — nothing changed"));
    }

    @Test
    void aRequestOffersApproveAndApplyNowWithItsNumber() {
        SlackMessage opened = messages.opened(request(), PreviewCases.disableFirstProvider(seed), ASKED);

        String json = text(opened);
        assertTrue(json.contains("\"action_id\":\"" + Interactions.APPROVE + "\""), json);
        assertTrue(json.contains("\"action_id\":\"" + Interactions.APPLY_NOW + "\""), json);
        assertTrue(json.contains("\"value\":\"7\""), json);
        assertTrue(json.contains("this request expires at <!date^" + ASKED.plusSeconds(600).getEpochSecond()), json);
    }

    @Test
    void theRootMessageShowsAPendingRequestWithWhoAskedAndWhenItExpires() {
        IncidentRootMessage root = new IncidentRootMessage(seed.names(), Wording.of("en"));

        String json = text(root.render(seed.opened(), seed.during(), List.of(), List.of(request()), List.of()));

        assertTrue(json.contains("<@U0ALICE> asks to switch off Anthropic: waiting for a second on-call member until "
                + "<!date^" + ASKED.plusSeconds(600).getEpochSecond()), json);
    }

    @Test
    void theManagerSummaryListsEachBigChangeOnOneLine() {
        Approval approved = request().settled(Approval.State.APPROVED, BOB, ASKED.plus(Duration.ofMinutes(3)));
        Approval emergency = Approval.emergency(approved.incident(), List.of(Target.provider(ANTHROPIC)),
                Optional.empty(), ALICE, ASKED, "v2").withId(8).settled(Approval.State.REVIEWED, BOB, ASKED);
        IncidentReport report = seed.report();
        IncidentReport withApprovals = new IncidentReport(report.incident(), report.timeline(),
                report.routeChanges(), report.at(), List.of(approved, emergency));

        String text = text(new ManagerSummary(seed.names(), Wording.of("en")).render(withApprovals));

        assertTrue(text.contains("• Anthropic switched off: asked by <@U0ALICE>, approved by <@U0BOB>, approval took 3m"),
                text);
        assertTrue(text.contains("• Anthropic switched off: emergency apply by <@U0ALICE>, reviewed by <@U0BOB>"),
                text);
        int lines = 0;
        for (JsonElement block : SlackJson.of(new ManagerSummary(seed.names(), Wording.of("en")).render(report))
                .getAsJsonArray("blocks")) {
            lines += block.getAsJsonObject().getAsJsonObject("text").get("text").getAsString().split("\n").length;
        }
        assertTrue(lines <= 15, "without approvals the seed summary stays short: " + lines);
        assertEquals(List.of(), report.bigChanges());
    }
}
