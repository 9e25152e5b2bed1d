package dev.detour.messages;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.model.view.View;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.readmodel.IncidentReport;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteCause;
import dev.detour.incidents.routing.RouteState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever the size of the catalog, messages and views stay inside Block Kit's documented limits; and the checker
 * that says so ({@link BlockKitLimits}, also run on every golden case) does find a broken limit.
 */
class BlockKitLimitsTest {
    private static final Instant NOW = Instant.parse("2026-06-07T07:12:00Z");

    private final Catalog catalog = BigCatalog.catalog();
    private final Names names = new Names(catalog);
    private final Incident incident = everythingDown();
    private final DetourStatus status = allUnavailable();

    @Test
    void theRootMessageOfAnIncidentAffectingEveryProviderAndModelFits() {
        SlackMessage root = new IncidentRootMessage(names, Wording.of("en")).render(incident, status);
        BlockKitLimits.assertFits("root", SlackJson.of(root));
        assertTrue(root.blocks().toString().contains("more"), "long lists say how many were left out");
    }

    @Test
    void theStatusAndTheAppHomeFit() {
        BlockKitLimits.assertFits("status", SlackJson.of(new StatusMessage(names, Wording.of("en")).render(status)));
        BlockKitLimits.assertFits("home", SlackJson.of(new AppHomeView(new StatusMessage(names, Wording.of("en")), Wording.of("en")).render(status)));
    }

    @Test
    void theDeclareFormOffersAtMostAHundredChoicesOfACatalogWithMore() {
        View declare = new Modals(BigCatalog.catalog(12, 10, 1), Wording.of("en")).declare();
        BlockKitLimits.assertFits("declare", SlackJson.of(declare));
        JsonArray groups = SlackJson.of(declare).getAsJsonArray("blocks").get(0).getAsJsonObject()
                .getAsJsonObject("element").getAsJsonArray("option_groups");
        int options = 0;
        for (int i = 0; i < groups.size(); i++) {
            options += groups.get(i).getAsJsonObject().getAsJsonArray("options").size();
        }
        assertEquals(Limits.OPTIONS, options, "as many choices as Slack takes, no more");
    }

    @Test
    void theSummaryOfALongIncidentFits() {
        List<TimelineEntry> entries = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            entries.add(new TimelineEntry(NOW.plusSeconds(i), Actor.user("U0ALICE"),
                    new TimelineDetail.Update("update " + i + " " + BigCatalog.LONG, "public " + i)));
        }
        SlackMessage summary = new ManagerSummary(names, Wording.of("en"))
                .render(new IncidentReport(incident, entries, List.of(), NOW));
        BlockKitLimits.assertFits("summary", SlackJson.of(summary));
    }

    @Test
    void aHugeThreadReplyIsClipped() {
        SlackMessage reply = SlackMessage.plain("x".repeat(10_000));
        BlockKitLimits.assertFits("reply", SlackJson.of(reply));
        assertTrue(reply.text().length() <= Limits.SECTION_TEXT);
    }

    @Test
    void theCheckerFindsASectionLongerThanSlackTakes() {
        JsonObject message = json("{\"text\": \"x\", \"blocks\": [{\"type\": \"section\", \"text\": {\"type\": "
                + "\"mrkdwn\", \"text\": \"" + "x".repeat(3001) + "\"}}]}");
        assertEquals(List.of("blocks[0].text length is 3001, Slack takes at most 3000"),
                BlockKitLimits.violations(message));
    }

    @Test
    void theCheckerFindsTooManyBlocksInAMessageButNotInAView() {
        JsonArray blocks = new JsonArray();
        for (int i = 0; i < 51; i++) {
            blocks.add(json("{\"type\": \"divider\"}"));
        }
        JsonObject message = json("{\"text\": \"x\"}");
        message.add("blocks", blocks);
        JsonObject view = json("{\"type\": \"home\"}");
        view.add("blocks", blocks);
        assertEquals(List.of("blocks is 51, Slack takes at most 50"), BlockKitLimits.violations(message));
        assertEquals(List.of(), BlockKitLimits.violations(view));
    }

    @Test
    void theCheckerFindsALongButtonAndALongOption() {
        JsonObject message = json("{\"text\": \"x\", \"blocks\": [{\"type\": \"actions\", \"elements\": ["
                + "{\"type\": \"button\", \"action_id\": \"a\", \"text\": {\"type\": \"plain_text\", \"text\": \""
                + "b".repeat(76) + "\"}, \"value\": \"v\"},"
                + "{\"type\": \"static_select\", \"action_id\": \"s\", \"options\": [{\"text\": {\"type\": "
                + "\"plain_text\", \"text\": \"" + "o".repeat(76) + "\"}, \"value\": \"v\"}]}]}]}");
        assertEquals(List.of("blocks[0].elements[0].text length is 76, Slack takes at most 75",
                        "blocks[0].elements[1].options[0].text length is 76, Slack takes at most 75"),
                BlockKitLimits.violations(message));
    }

    @Test
    void theCheckerFindsAViewTitleLongerThanTwentyFour() {
        JsonObject view = json("{\"type\": \"modal\", \"title\": {\"type\": \"plain_text\", \"text\": \""
                + "t".repeat(25) + "\"}, \"blocks\": []}");
        assertEquals(List.of("title length is 25, Slack takes at most 24"), BlockKitLimits.violations(view));
    }

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    private Incident everythingDown() {
        List<Target> targets = new ArrayList<>();
        catalog.providers().forEach(provider -> targets.add(Target.provider(provider.id())));
        catalog.models().forEach(model -> targets.add(Target.model(model.id())));
        IncidentChange change = Incident.open(new IncidentId(1), IncidentKind.OUTAGE, BigCatalog.LONG, targets,
                Actor.user("U0ALICE"), NOW);
        return ((IncidentChange.Applied) change).incident();
    }

    private DetourStatus allUnavailable() {
        List<DetourStatus.ProviderStatus> providers = catalog.providers().stream()
                .map(p -> new DetourStatus.ProviderStatus(p.id(), p.name(), false, Optional.of(NOW))).toList();
        List<DetourStatus.ModelStatus> models = catalog.models().stream()
                .map(m -> new DetourStatus.ModelStatus(m.id(), m.provider(), m.name(), false, false,
                        Optional.of(NOW))).toList();
        List<DetourStatus.TaskClassStatus> taskClasses = catalog.taskClasses().stream()
                .map(t -> new DetourStatus.TaskClassStatus(t.id(), t.name(), t.failover(), t.route(),
                        new Route(t.id(), RouteState.STOPPED, Optional.empty(), Optional.empty(),
                                RouteCause.NO_MODEL_AVAILABLE), Optional.of(NOW))).toList();
        return new DetourStatus(NOW, providers, models, taskClasses, List.of(incident));
    }
}
