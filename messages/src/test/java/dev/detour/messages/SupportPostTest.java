package dev.detour.messages;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.Model;
import dev.detour.incidents.catalog.Provider;
import dev.detour.incidents.catalog.PublicName;
import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.recovery.RampShare;
import dev.detour.incidents.routing.RouteState;
import dev.detour.incidents.support.FeatureState;
import dev.detour.incidents.support.SupportPostDraft;
import dev.detour.incidents.support.SupportPostKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        assertTrue(post.contains("Meeting summaries: running on GPT-5 for now."), post);
        assertTrue(post.contains("Contract review: paused until Claude Opus 4.8 is back."), post);
    }

    @Test
    void eachFeatureLineReadsRightWhateverTheNumberOfItsName() {
        Scenario seed = Scenario.seed();
        String post = support(seed).affected(seed.acknowledged(), seed.during(), Optional.empty(), NEXT).text();
        assertTrue(post.contains("Code migration plans: paused \u2014 our on-call team is deciding whether to switch"
                + " it to GPT-5."), post);
        assertTrue(post.contains("Meeting summaries: running on GPT-5 for now."), post);
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
    void theResolutionAndAPostSayingWhatChangedShowNoInternalId(Scenario scenario) {
        assertNoInternalIds(scenario, support(scenario).resolved(scenario.resolved(), IncidentKind.OUTAGE,
                Optional.of(Scenario.RECOVERED), Optional.of(scenario.customerUpdate())));
        assertNoInternalIds(scenario, support(scenario).affected(scenario.acknowledged(), IncidentKind.OUTAGE,
                scenario.during(), Optional.empty(), NEXT, 2, SupportPost.announced(scenario.after())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theAllClearShowsNoInternalId(Scenario scenario) {
        assertNoInternalIds(scenario, support(scenario).allClear(scenario.resolved(), Scenario.RESOLVED));
    }

    @Test
    void aProviderOutageLeadsWithTheProviderSinceWhenAndThatItIsNotOurChange() {
        assertEquals("Anthropic, the AI provider behind some of our features, has been returning errors since"
                + " 2026-06-07 07:12 UTC. This is not a change on our side.", lead(IncidentKind.OUTAGE,
                Target.model(SeedCatalog.OPUS_48), Target.model(SeedCatalog.OPUS_47)));
    }

    @Test
    void aDegradationAtTwoProvidersNamesBothInThePlural() {
        assertEquals("Anthropic and OpenAI, the AI providers behind some of our features, have been slow or failing"
                + " some requests since 2026-06-07 07:12 UTC. This is not a change on our side.",
                lead(IncidentKind.DEGRADATION, Target.model(SeedCatalog.GPT_5), Target.provider(SeedCatalog.ANTHROPIC)));
    }

    @Test
    void ourOwnModelRoutingOrPolicyChangeSaysItIsOnOurSide() {
        assertEquals("We changed which AI model some of our features use, since 2026-06-07 07:12 UTC. This is a"
                + " change on our side, not a problem at our AI provider.",
                lead(IncidentKind.MODEL_CHANGE, Target.model(SeedCatalog.GPT_5)));
        assertEquals("We changed how some of our features reach their AI models, since 2026-06-07 07:12 UTC. This is"
                + " a change on our side, not a problem at our AI provider.",
                lead(IncidentKind.ROUTING_CHANGE, Target.model(SeedCatalog.GPT_5)));
        assertEquals("We changed the rules for which AI models some of our features may use, since 2026-06-07 07:12"
                + " UTC. This is a change on our side, not a problem at our AI provider.",
                lead(IncidentKind.POLICY_CHANGE, Target.model(SeedCatalog.GPT_5)));
    }

    @Test
    void plannedMaintenanceSaysNothingIsBroken() {
        assertEquals("Planned maintenance on our AI features since 2026-06-07 07:12 UTC: nothing is broken, some"
                + " features use another model or wait meanwhile.",
                lead(IncidentKind.MAINTENANCE, Target.model(SeedCatalog.GPT_5)));
    }

    @Test
    void aPreRoutedMaintenanceGivesItsPlannedEndInSlackAndInThePostsWords() {
        Scenario seed = Scenario.seed();
        Incident incident = ((IncidentChange.Applied) Incident.open(new IncidentId(1), IncidentKind.MAINTENANCE, "",
                List.of(Target.model(SeedCatalog.OPUS_48)), Scenario.ALICE, Scenario.OPENED)).incident();
        java.time.Instant until = java.time.Instant.parse("2026-06-07T15:30:00Z");
        SupportPost support = support(seed);

        SupportPostDraft words = support.affectedWords(incident, IncidentKind.MAINTENANCE, seed.during(),
                Optional.empty(), NEXT, 1, Map.of(), Optional.of(until));
        assertTrue(words.body().startsWith("Planned maintenance on our AI features since 2026-06-07 07:12 UTC,"
                + " planned until 2026-06-07 15:30 UTC: nothing is broken"), words.body());

        SlackMessage post = support.affected(incident, IncidentKind.MAINTENANCE, seed.during(), Optional.empty(), NEXT,
                1, Map.of(), Optional.of(until));
        String json = SlackJson.of(post).toString();
        assertTrue(json.contains("planned until <!date^" + until.getEpochSecond()), json);
    }

    @Test
    void theLeadComesRightAfterTheHeadlineInSlackAndFirstInThePostsWordsForTheStatusPage() {
        Scenario seed = Scenario.seed();
        SlackMessage post = support(seed).affected(seed.acknowledged(), seed.during(), Optional.of("Paused."), NEXT);
        String lead = support(seed).lead(seed.acknowledged());
        String utc = "2026-06-07 07:12 UTC";
        java.time.Instant opened = seed.acknowledged().openedAt();
        // In Slack the same sentence, with its time as Slack's date token (each reader's zone).
        assertEquals(lead.replace(utc, SlackTime.slack(opened, seed.during().at())), SlackJson.of(post)
                .getAsJsonArray("blocks").get(1).getAsJsonObject().getAsJsonObject("text").get("text").getAsString());
        assertTrue(post.text().startsWith("Outage: some AI features are affected\n"
                + lead.replace(utc, SlackTime.plain(opened, seed.during().at())) + "\n"), post.text());
        assertTrue(support(seed).affectedWords(seed.acknowledged(), seed.during(), Optional.of("Paused."), NEXT)
                .body().startsWith(lead + "\n"));
    }

    @Test
    void everyPostAfterTheFirstSaysWhichUpdateItIsInSlackAndInItsWords() {
        Scenario seed = Scenario.seed();
        SupportPost support = support(seed);

        assertEquals("Outage: some AI features are affected", support.affectedWords(seed.acknowledged(),
                seed.during(), Optional.empty(), NEXT, 1).headline());
        assertEquals("Outage: some AI features are affected · Update 3", support.affectedWords(seed.acknowledged(),
                seed.during(), Optional.of("Paused."), NEXT, 3).headline());
        assertTrue(support.affected(seed.acknowledged(), seed.during(), Optional.of("Paused."), NEXT, 3).text()
                .startsWith("Outage: some AI features are affected · Update 3\n"));
    }

    @Test
    void aPostAfterAnotherOpensWithWhatChangedSinceAsItsPerFeatureStatesDiffer() {
        Scenario seed = Scenario.seed();
        SupportPost support = support(seed);
        Map<TaskClassId, FeatureState> before = SupportPost.announced(seed.during());

        SlackMessage post = support.affected(seed.acknowledged(), IncidentKind.OUTAGE, seed.after(), Optional.empty(),
                NEXT, 2, before);
        SupportPostDraft words = support.affectedWords(seed.acknowledged(), IncidentKind.OUTAGE, seed.after(),
                Optional.empty(), NEXT, 2, before);

        String line = "Since the last update: Meeting summaries: back on Claude Opus 4.8; Code migration plans: no"
                + " longer paused; Contract review: no longer paused.";
        assertTrue(post.text().startsWith("Outage: some AI features are affected · Update 2\n" + line + "\n"),
                post.text());
        assertEquals(line, SlackJson.of(post).getAsJsonArray("blocks").get(1).getAsJsonObject()
                .getAsJsonObject("text").get("text").getAsString(), "right after the headline");
        assertTrue(words.body().startsWith(line + "\n"), words.body());
    }

    @Test
    void aFeatureThatMovesToABackupOrIsPausedSaysSo() {
        Scenario seed = Scenario.seed();
        Map<TaskClassId, FeatureState> before = SupportPost.announced(seed.after());

        String text = support(seed).affected(seed.acknowledged(), IncidentKind.OUTAGE, seed.during(),
                Optional.empty(), NEXT, 2, before).text();

        assertTrue(text.contains("Since the last update: Meeting summaries: now on GPT-5; Code migration plans: now"
                + " paused; Contract review: now paused."), text);
    }

    @Test
    void aFeatureWhoseUsualModelComesBackThroughARampSaysItIsMovingBackGradually() {
        Scenario seed = Scenario.seed();
        SupportPost support = support(seed);

        String text = support.affected(seed.acknowledged(), IncidentKind.OUTAGE, seed.comingBack(), Optional.empty(),
                NEXT, 2, SupportPost.announced(seed.during())).text();
        SupportPostDraft words = support.affectedWords(seed.acknowledged(), IncidentKind.OUTAGE, seed.comingBack(),
                Optional.empty(), NEXT, 2, SupportPost.announced(seed.during()));

        assertTrue(text.contains("Since the last update: Meeting summaries: moving back to Claude Opus 4.8"
                + " gradually;"), text);
        assertTrue(text.contains("\nMeeting summaries: moving back to Claude Opus 4.8 gradually.\n"), text);
        assertFalse(text.contains("Meeting summaries: running on GPT-5"), text);
        assertTrue(words.features().get(SeedCatalog.MEETING_SUMMARY).comingBack(), "kept as data for the next post");
        assertFalse(support.affected(seed.acknowledged(), IncidentKind.OUTAGE, seed.comingBack(), Optional.empty(),
                NEXT, 3, words.features()).text().contains("Since the last update"), "said once");
    }

    @Test
    void aRampRolledBackToNothingBringsNothingBack() {
        Scenario seed = Scenario.seed();
        DetourStatus during = seed.during();
        DetourStatus rolledBack = new DetourStatus(during.at(), during.providers(), during.models(),
                during.taskClasses(), during.openIncidents(), List.of(new RampShare(Target.model(SeedCatalog.OPUS_48),
                0, 1, Scenario.NOW, Optional.empty())));

        String text = support(seed).affected(seed.acknowledged(), rolledBack, Optional.empty(), NEXT).text();

        assertTrue(text.contains("Meeting summaries: running on GPT-5 for now."), text);
        assertFalse(text.contains("moving back"), text);
    }

    @Test
    void theFirstPostSaysNothingAboutChanges() {
        Scenario seed = Scenario.seed();
        SupportPost support = support(seed);

        assertFalse(support.affected(seed.acknowledged(), IncidentKind.OUTAGE, seed.during(), Optional.empty(), NEXT,
                1, Map.of()).text().contains("Since the last update"));
        assertFalse(support.affectedWords(seed.acknowledged(), IncidentKind.OUTAGE, seed.during(), Optional.empty(),
                NEXT, 1, Map.of()).body().contains("Since the last update"));
    }

    @Test
    void anUpdateWithNoStateChangeSaysNothingAboutChanges() {
        Scenario seed = Scenario.seed();

        String text = support(seed).affected(seed.acknowledged(), IncidentKind.OUTAGE, seed.during(),
                Optional.of("Still working on it."), NEXT, 3, SupportPost.announced(seed.during())).text();

        assertFalse(text.contains("Since the last update"), text);
    }

    @Test
    void aPostKeepsWhatItAnnouncedPerFeatureForTheNextOne() {
        Scenario seed = Scenario.seed();

        SupportPostDraft words = support(seed).affectedWords(seed.acknowledged(), IncidentKind.OUTAGE, seed.during(),
                Optional.empty(), NEXT, 1, Map.of());

        assertEquals(SupportPost.announced(seed.during()), words.features());
        assertEquals(new FeatureState(RouteState.FALLBACK, Optional.of(SeedCatalog.GPT_5)),
                words.features().get(SeedCatalog.MEETING_SUMMARY));
    }

    @Test
    void theAllClearKeepsEveryFeatureBackSoAPostAfterItSaysWhatChanged() {
        Scenario seed = Scenario.seed();
        SupportPost support = support(seed);

        SupportPostDraft allClear = support.allClearWords(seed.resolved(), IncidentKind.OUTAGE, Scenario.RECOVERED,
                seed.after());
        String next = support.affected(seed.acknowledged(), IncidentKind.OUTAGE, seed.during(), Optional.empty(), NEXT,
                3, allClear.features()).text();

        assertEquals(SupportPost.announced(seed.after()), allClear.features());
        assertTrue(next.contains("Since the last update: Meeting summaries: now on GPT-5;"), next);
    }

    @Test
    void thePostNamesTheKindItIsShownNotTheKindItWasOpenedWith() {
        Scenario seed = Scenario.seed();
        Incident openedAsDegradation = ((IncidentChange.Applied) Incident.open(new IncidentId(7),
                IncidentKind.DEGRADATION, "", List.of(Target.model(SeedCatalog.OPUS_48)), Scenario.ALICE,
                Scenario.OPENED)).incident();

        SlackMessage post = support(seed).affected(openedAsDegradation, IncidentKind.OUTAGE, seed.during(),
                Optional.empty(), NEXT, 1, Map.of());

        assertTrue(post.text().startsWith("Outage: some AI features are affected\n"), post.text());
        assertTrue(post.text().contains("has been returning errors since"), post.text());
        assertFalse(post.text().contains("Degradation"), post.text());
    }

    @Test
    void theResolutionSaysItIsOverSinceWhenAndOnCallsWordsForCustomers() {
        Scenario seed = Scenario.seed();
        SupportPost support = support(seed);

        SlackMessage post = support.resolved(seed.resolved(), IncidentKind.OUTAGE, Optional.of(Scenario.RECOVERED),
                Optional.of("Summaries made between 07:10 and 08:40 can be generated again."));
        SupportPostDraft words = support.resolvedWords(seed.resolved(), IncidentKind.OUTAGE,
                Optional.of(Scenario.RECOVERED), Optional.of("Summaries made between 07:10 and 08:40 can be"
                        + " generated again."));

        assertEquals("Resolved: the outage is over", words.headline());
        assertEquals(SupportPostKind.RESOLVED, words.kind());
        assertEquals("The problem with Anthropic is resolved; all features work normally again. Customers have been"
                + " served normally since " + Names.time(Scenario.RECOVERED) + ".\nFrom the on-call team: Summaries"
                + " made between 07:10 and 08:40 can be generated again.", words.body());
        assertTrue(post.text().startsWith("Resolved: the outage is over\nThe problem with Anthropic is resolved"),
                post.text());
        assertTrue(post.text().contains("From the on-call team: Summaries made"), post.text());
    }

    @Test
    void withoutACustomerPartTheResolutionSaysThePlainDefault() {
        Scenario seed = Scenario.seed();

        SupportPostDraft words = support(seed).resolvedWords(seed.resolved(), IncidentKind.OUTAGE,
                Optional.of(Scenario.RECOVERED), Optional.empty());

        assertEquals("The problem with Anthropic is resolved; all features work normally again. Customers have been"
                + " served normally since " + Names.time(Scenario.RECOVERED) + ".", words.body());
    }

    @Test
    void aResolutionWhileAFeatureIsStillOffPromisesTheAllClearInsteadOfClaimingNormalService() {
        Scenario seed = Scenario.seed();

        String body = support(seed).resolvedWords(seed.resolved(), IncidentKind.OUTAGE, Optional.empty(),
                Optional.empty()).body();

        assertFalse(body.contains("work normally again"), body);
        assertTrue(body.contains("we post an all-clear when every feature is back"), body);
    }

    @Test
    void everyKindHasALeadInEveryLanguage() {
        Scenario seed = Scenario.seed();
        for (IncidentKind kind : IncidentKind.values()) {
            Incident incident = ((IncidentChange.Applied) Incident.open(new IncidentId(1), kind, "",
                    List.of(Target.model(SeedCatalog.OPUS_48)), Scenario.ALICE, Scenario.OPENED)).incident();
            for (String language : List.of("en", "de")) {
                String lead = new SupportPost(seed.names(), Wording.of(language)).lead(incident);
                assertTrue(lead.contains("2026-06-07 07:12 UTC") && !lead.contains("{"), kind + " " + language + ": "
                        + lead);
            }
        }
    }

    @Test
    void aCompanyThatNamesNoVendorGivesCustomersNeutralWordsInTheLeadAndEveryLine() {
        Scenario seed = Scenario.seed();
        Catalog vendorless = renamed(seed.catalog(), PublicName.unnamed(), PublicName.unnamed(), List.of());
        SupportPost support = new SupportPost(new Names(vendorless), Wording.of("en"));

        SlackMessage post = support.affected(seed.acknowledged(), seed.during(), Optional.empty(), NEXT);
        String words = support.affectedWords(seed.acknowledged(), seed.during(), Optional.empty(), NEXT).body();

        for (String text : List.of(post.text(), words)) {
            assertTrue(text.contains("Our AI provider has been returning errors since ")
                    && text.contains("07:12 UTC. This is not a change on our side."), text);
            assertTrue(text.contains("Meeting summaries: running on a backup AI model for now."), text);
            assertTrue(text.contains("Contract review: paused until its usual AI model is back."), text);
            assertTrue(text.contains("Code migration plans: paused \u2014 our on-call team is deciding whether to switch"
                    + " it to a backup AI model."), text);
            for (String vendor : List.of("Anthropic", "OpenAI", "Claude", "GPT")) {
                assertFalse(text.contains(vendor), vendor + " in " + text);
            }
        }
    }

    @Test
    void aPublicNameIsWhatCustomersReadInsteadOfTheDisplayName() {
        Scenario seed = Scenario.seed();
        Catalog renamed = renamed(seed.catalog(), PublicName.as("Our model partner"), PublicName.as("our fast model"),
                List.of());
        SupportPost support = new SupportPost(new Names(renamed), Wording.of("en"));

        String text = support.affected(seed.acknowledged(), seed.during(), Optional.empty(), NEXT).text();

        assertTrue(text.contains("Our model partner, the AI provider behind some of our features, has been returning"
                + " errors since"), text);
        assertTrue(text.contains("Meeting summaries: running on our fast model for now."), text);
        assertTrue(text.contains("Contract review: paused until our fast model is back."), text);
    }

    @Test
    void whatCustomersSeeAndCanDoFollowTheFeaturesLineWhenConfigured() {
        Scenario seed = Scenario.seed();
        Catalog noted = renamed(seed.catalog(), null, null, List.of(SeedCatalog.LEGAL_REVIEW));
        SupportPost support = new SupportPost(new Names(noted), Wording.of("en"));

        String text = support.affected(seed.acknowledged(), seed.during(), Optional.empty(), NEXT).text();
        String words = support.affectedWords(seed.acknowledged(), seed.during(), Optional.empty(), NEXT).body();

        String line = "Contract review: paused until Claude Opus 4.8 is back. What customers see: Reviews wait in a"
                + " queue. What they can do: Nothing; queued reviews start on their own.";
        assertTrue(text.contains(line), text);
        assertTrue(words.contains(line), words);
        assertTrue(text.contains("Meeting summaries: running on GPT-5 for now.\n"), "only where configured: " + text);
    }

    /**
     * The catalog with every provider's and model's public name replaced (null: keep), and {@code noted} task
     * classes given what customers see and can do.
     */
    private static Catalog renamed(Catalog catalog, PublicName provider, PublicName model, List<TaskClassId> noted) {
        List<Provider> providers = catalog.providers().stream().map(p -> new Provider(p.id(), p.name(),
                p.statusPage(), p.autoDisable(), p.autoEnable(), p.components(), p.models().stream()
                .map(m -> new Model(m.id(), m.provider(), m.name(), model)).toList(), provider)).toList();
        List<TaskClass> taskClasses = catalog.taskClasses().stream().map(t -> noted.contains(t.id())
                ? new TaskClass(t.id(), t.name(), t.route(), t.failover(), t.consentTimeout(), t.onTimeout(),
                Optional.of("Reviews wait in a queue."), Optional.of("Nothing; queued reviews start on their own."))
                : t).toList();
        return new Catalog(providers, taskClasses);
    }

    private static String lead(IncidentKind kind, Target... affected) {
        Incident incident = ((IncidentChange.Applied) Incident.open(new IncidentId(1), kind, "", List.of(affected),
                Scenario.ALICE, Scenario.OPENED)).incident();
        return support(Scenario.seed()).lead(incident);
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
