package dev.detour.bot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detour.bot.testing.CleanSlate;
import dev.detour.incidents.application.AvailabilityService;
import dev.detour.incidents.audit.AuditAction;
import dev.detour.incidents.audit.AuditQuery;
import dev.detour.incidents.audit.StoredAuditRecord;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.ports.AuditTrail;
import dev.detour.incidents.queries.StatusService;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.testing.Await;
import dev.detour.incidents.testing.SeedConfigFactory;
import dev.detour.messages.Interactions;
import dev.detour.notifications.testing.FakeSlack;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.detour.incidents.SeedCatalog.ANTHROPIC;
import static dev.detour.incidents.SeedCatalog.GPT_5;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two-person rule through Slack, signed as Slack signs (docs/routing.md, "Two-person rule"): with
 * {@code second-approver: provider}, Alice's Confirm on a whole-provider switch-off posts a request with the preview
 * in the incident thread; only a different on-call member's Approve applies it, and the message is edited to say
 * who approved and how long it took. Self-approval, approval off call (audited), expiry, a moved state, and the
 * emergency path with its review.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoPersonRuleSlackIT implements TestPropertyProvider {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Long enough for a press on a busy machine, short enough to wait for in the expiry test. */
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String CHANNEL = "C0INCIDENTS";
    private static final String ALICE = SignedSlack.ALICE;
    private static final String BOB = "U0BOB"; // on call through the S0ONCALL user group
    private static final String MALLORY = "U0MALLORY";

    private final FakeSlack slack = FakeSlack.start(SignedSlack.BOT_TOKEN);

    @Inject
    EmbeddedServer server;
    @Inject
    StatusService status;
    @Inject
    AvailabilityService availability;
    @Inject
    CleanSlate cleanSlate;
    @Inject
    AuditTrail audit;

    @Override
    public Map<String, String> getProperties() {
        slack.addUserGroup("S0ONCALL", BOB);
        Map<String, String> properties = new HashMap<>(SignedSlack.seedWorkspace(slack));
        properties.put(SeedConfigFactory.SECOND_APPROVER, TIMEOUT.toString());
        properties.put("detour.policy.approval-check", "200ms");
        properties.put("detour.slack.burst", "100");
        return properties;
    }

    @AfterAll
    void stopSlack() {
        slack.close();
    }

    @BeforeEach
    void cleanSlate() {
        cleanSlate.restoreAndAwaitDelivery();
    }

    private SignedSlack signed() {
        return new SignedSlack(server.getURI(), slack);
    }

    private JsonNode type(String user, String text) {
        String responseUrl = slack.newResponseUrl();
        signed().command(user, text, responseUrl);
        return slack.awaitResponse(r -> r.url().equals(responseUrl), WAIT).body();
    }

    private JsonNode press(String user, String actionId, String value) {
        String responseUrl = slack.newResponseUrl();
        signed().blockAction(user, actionId, value, responseUrl);
        return slack.awaitResponse(r -> r.url().equals(responseUrl), WAIT).body();
    }

    /** Alice asks to switch Anthropic off and confirms the preview: the request's message in the thread. */
    private JsonNode requestByAlice(String reason) {
        List<String> before = open(Interactions.APPROVE);
        JsonNode preview = type(ALICE, "disable anthropic -- " + reason);
        assertTrue(preview.path("blocks").toString().contains("needs a second on-call member"), preview.toString());
        JsonNode asked = press(ALICE, Interactions.CONFIRM, SignedSlack.buttonValue(preview, Interactions.CONFIRM));
        assertTrue(asked.path("text").asText().contains("needs a second on-call member"), asked.toString());
        assertTrue(asked.path("text").asText().contains("<!subteam^S0ONCALL>"), asked.toString());
        return awaitNew(Interactions.APPROVE, before);
    }

    /** The values of the {@code actionId} buttons on the channel's messages as they read now. */
    private List<String> open(String actionId) {
        return slack.messagesNow(CHANNEL).stream().map(message -> buttonOf(message, actionId))
                .flatMap(Optional::stream).toList();
    }

    /** The message with an {@code actionId} button that was not there {@code before}. */
    private JsonNode awaitNew(String actionId, List<String> before) {
        return Await.await(() -> slack.messagesNow(CHANNEL).stream()
                        .filter(message -> buttonOf(message, actionId).filter(v -> !before.contains(v)).isPresent())
                        .toList(), found -> found.size() == 1, WAIT, "a new message with " + actionId).get(0);
    }

    private static Optional<String> buttonOf(JsonNode message, String actionId) {
        for (JsonNode block : message.path("blocks")) {
            for (JsonNode element : block.path("elements")) {
                if (actionId.equals(element.path("action_id").asText())) {
                    return Optional.of(element.path("value").asText());
                }
            }
        }
        return Optional.empty();
    }

    private static String button(JsonNode message, String actionId) {
        return buttonOf(message, actionId).orElseThrow(() -> new AssertionError("no " + actionId + " in " + message));
    }

    /** The message at {@code ts} once an edit made it say {@code text}. */
    private JsonNode awaitEdit(JsonNode message, String text) {
        String ts = message.path("ts").asText();
        return Await.await(() -> slack.messagesNow(CHANNEL).stream().filter(m -> m.path("ts").asText().equals(ts))
                        .findFirst().orElseThrow(), now -> now.path("blocks").toString().contains(text), WAIT,
                "the message at " + ts + " to say " + text);
    }

    private boolean anthropicAvailable() {
        return status.current().providers().stream().filter(p -> p.id().equals(ANTHROPIC))
                .map(DetourStatus.ProviderStatus::available).findFirst().orElseThrow();
    }

    private List<StoredAuditRecord> audited(AuditAction action) {
        return audit.search(new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                0, AuditQuery.MAX_LIMIT, AuditQuery.Order.NEWEST_FIRST)).stream()
                .filter(stored -> stored.record().action().equals(action)).toList();
    }

    @Test
    void aSecondOnCallMemberApprovesAndTheThreadSaysWhoAndHowLongItTook() {
        JsonNode request = requestByAlice("elevated 529s");
        assertTrue(request.path("blocks").toString().contains("Claude Opus 4.8"), "the preview is posted");
        assertTrue(request.hasNonNull("thread_ts"), "in the incident's thread: " + request);
        assertTrue(anthropicAvailable(), "nothing changes before a second person approves");

        JsonNode done = press(BOB, Interactions.APPROVE, button(request, Interactions.APPROVE));

        assertTrue(done.path("text").asText().startsWith("Approved. Disabled Anthropic"), done.toString());
        assertFalse(anthropicAvailable());
        JsonNode edited = awaitEdit(request, "Approved by <@U0BOB>");
        assertTrue(edited.path("blocks").toString().contains("asked by <@U0ALICE>"), edited.toString());
        assertFalse(edited.path("blocks").toString().contains(Interactions.APPROVE), "no button left");
        assertEquals(Actor.user(BOB), audited(AuditAction.APPROVAL_GRANTED).get(0).record().actor());
    }

    @Test
    void approvingOnesOwnRequestIsRefusedWithAReason() {
        JsonNode request = requestByAlice("self");

        JsonNode refused = press(ALICE, Interactions.APPROVE, button(request, Interactions.APPROVE));

        assertTrue(refused.path("text").asText().startsWith("You asked for this switch-off yourself"),
                refused.toString());
        assertTrue(anthropicAvailable());
    }

    @Test
    void approvalBySomeoneNotOnCallIsRefusedAndTheAttemptAudited() {
        JsonNode request = requestByAlice("not on call");

        JsonNode refused = press(MALLORY, Interactions.APPROVE, button(request, Interactions.APPROVE));

        assertTrue(refused.path("text").asText().startsWith("Only on-call may approve"), refused.toString());
        StoredAuditRecord attempt = audited(AuditAction.APPROVAL_REFUSED).get(0);
        assertEquals(Actor.user(MALLORY), attempt.record().actor());
        assertEquals(Optional.of("not-on-call"), attempt.record().reason());
        assertTrue(anthropicAvailable());
    }

    @Test
    void approvalAfterTheStateMovedAppliesNothingAndPostsANewPreview() {
        JsonNode request = requestByAlice("moved");
        List<String> before = open(Interactions.APPROVE);
        availability.disable(List.of(Target.model(GPT_5)), Actor.user(BOB), Optional.of("meanwhile"));

        JsonNode moved = press(BOB, Interactions.APPROVE, button(request, Interactions.APPROVE));

        assertTrue(moved.path("text").asText().startsWith("The state moved since this preview"), moved.toString());
        assertTrue(anthropicAvailable(), "a stale change is never applied");
        awaitEdit(request, "The state moved before anyone approved");
        JsonNode again = awaitNew(Interactions.APPROVE, before);
        assertTrue(again.path("blocks").toString().contains("<@U0ALICE> asks to switch off"), "still Alice's request");
    }

    @Test
    void aRequestNobodyApprovesExpiresAndSaysNothingChanged() {
        JsonNode request = requestByAlice("expiring");

        awaitEdit(request, "Nobody approved within");

        assertTrue(anthropicAvailable());
        assertFalse(audited(AuditAction.APPROVAL_EXPIRED).isEmpty());
        JsonNode late = press(BOB, Interactions.APPROVE, button(request, Interactions.APPROVE));
        assertTrue(late.path("text").asText().startsWith("This was settled already"), late.toString());
    }

    @Test
    void disableNowAppliesAtOnceAndASecondOnCallMemberReviewsIt() {
        List<String> before = open(Interactions.REVIEW);
        JsonNode done = type(ALICE, "disable anthropic --now -- on fire");

        assertTrue(done.path("text").asText().startsWith("Emergency apply. Disabled Anthropic"), done.toString());
        assertFalse(anthropicAvailable());
        assertEquals(Actor.user(ALICE), audited(AuditAction.CHANGE_EMERGENCY).get(0).record().actor());
        JsonNode review = awaitNew(Interactions.REVIEW, before);
        String value = button(review, Interactions.REVIEW);
        assertTrue(press(ALICE, Interactions.REVIEW, value).path("text").asText()
                .startsWith("You applied this yourself"));

        JsonNode reviewed = press(BOB, Interactions.REVIEW, value);

        assertTrue(reviewed.path("text").asText().startsWith("Reviewed"), reviewed.toString());
        awaitEdit(review, "Reviewed by <@U0BOB>");
        assertEquals(Actor.user(BOB), audited(AuditAction.CHANGE_REVIEWED).get(0).record().actor());
    }

    @Test
    void supportPostsNeverMentionAPendingApproval() {
        requestByAlice("support must not hear of it");

        cleanSlate.restoreAndAwaitDelivery();

        assertTrue(slack.messagesIn("C0SUPPORT").stream().map(call -> call.params().toString())
                .noneMatch(text -> text.toLowerCase(java.util.Locale.ROOT).contains("approv")),
                "support posts: " + slack.messagesIn("C0SUPPORT"));
    }
}
