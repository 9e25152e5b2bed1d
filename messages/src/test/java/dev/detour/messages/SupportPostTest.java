package dev.detour.messages;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.Model;
import dev.detour.incidents.catalog.Provider;
import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.incident.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Support staff read display names only: no model, provider or task-class id, no incident id, no Slack user, in
 * the blocks or in the notification text. Checked on the JSON Slack is sent, so no field is missed.
 */
class SupportPostTest {
    private static final java.time.Instant NEXT = Scenario.NOW.plusSeconds(30 * 60);

    static Stream<Scenario> scenarios() {
        return Stream.of(Scenario.seed(), Scenario.big(), Scenario.hostile());
    }

    @Test
    void theSupportPostNamesModelsByDisplayNameOnly() {
        Scenario seed = Scenario.seed();
        String post = SlackJson.of(support(seed).affected(seed.acknowledged(), seed.during(), Optional.empty(),
                NEXT)).toString();
        assertTrue(post.contains("Meeting summaries now use GPT-5."), post);
        assertTrue(post.contains("Contract review is paused until Claude Opus 4.8 is back."), post);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theAffectedPostShowsNoInternalId(Scenario scenario) {
        assertNoInternalIds(scenario, support(scenario).affected(scenario.acknowledged(), scenario.during(),
                Optional.empty(), NEXT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theAffectedPostWithAnOnCallUpdateShowsNoInternalId(Scenario scenario) {
        assertNoInternalIds(scenario, support(scenario).affected(scenario.acknowledged(), scenario.during(),
                Optional.of(scenario.update()), NEXT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theAllClearShowsNoInternalId(Scenario scenario) {
        assertNoInternalIds(scenario, support(scenario).allClear(scenario.resolved(), Scenario.RESOLVED));
    }

    private static SupportPost support(Scenario scenario) {
        return new SupportPost(scenario.names(), Wording.of("en"));
    }

    private static void assertNoInternalIds(Scenario scenario, SlackMessage post) {
        String json = SlackJson.pretty(SlackJson.of(post));
        List<String> found = internalIds(scenario.catalog()).stream().filter(json::contains).toList();
        assertEquals(List.of(), found, "internal ids in " + json);
    }

    /** Case-sensitive: the display name "GPT-5" is fine, the id "gpt-5" is not. */
    private static List<String> internalIds(Catalog catalog) {
        List<String> ids = new ArrayList<>(List.of("INC-", "<@"));
        catalog.providers().stream().map(Provider::id).forEach(id -> ids.add(id.value()));
        catalog.models().stream().map(Model::id).forEach(id -> ids.add(id.value()));
        catalog.taskClasses().stream().map(TaskClass::id).forEach(id -> ids.add(id.value()));
        Scenario.PEOPLE.stream().map(Actor::id).forEach(ids::add);
        return ids;
    }
}
