package dev.detour.bot.publicstatus;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.detour.bot.slack.SignedSlack;
import dev.detour.bot.testing.CleanSlate;
import dev.detour.incidents.application.AvailabilityService;
import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.application.RoutingOutcome;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.UpdateText;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.ports.OutboxQueue;
import dev.detour.incidents.testing.Await;
import dev.detour.notifications.testing.FakeSlack;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Customer updates by email, against a real SMTP server in this JVM (GreenMail), and by Slack DM, against the fake
 * Slack: double opt-in through the link of the first email, each update once, one-click unsubscribe stops them.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubscriptionsIT implements TestPropertyProvider {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Actor ALICE = Actor.user(SignedSlack.ALICE);
    private static final String BOB = "U0BOB";
    private static final Pattern CONFIRM_LINK = Pattern.compile("http://\\S+/status/subscribe/confirm\\?token=[A-Za-z0-9_-]{43}");

    private final FakeSlack slack = FakeSlack.start(SignedSlack.BOT_TOKEN);
    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;
    @Inject
    AvailabilityService availability;
    @Inject
    IncidentService incidents;
    @Inject
    OutboxQueue outbox;
    @Inject
    CleanSlate cleanSlate;

    @Override
    public Map<String, String> getProperties() {
        slack.addChannel("C0INCIDENTS", true);
        slack.addChannel("C0SUPPORT", true);
        slack.addChannel("C0MANAGERS", true);
        smtp.start();
        Map<String, String> properties = new HashMap<>(SignedSlack.properties(slack));
        properties.put("detour.email.smtp-host", "127.0.0.1");
        properties.put("detour.email.smtp-port", String.valueOf(smtp.getSmtp().getPort()));
        properties.put("detour.email.from", "status@example.com");
        properties.put("detour.slack.burst", "100");
        return properties;
    }

    @AfterAll
    void stop() {
        slack.close();
        smtp.stop();
    }

    @BeforeEach
    void startFromACleanSlate() throws Exception {
        cleanSlate.restoreAndAwaitDelivery();
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void aConfirmedSubscriberGetsEachCustomerUpdateOnceAndOneClickUnsubscribeStopsThem() throws Exception {
        IncidentId incident = openIncident();
        update(incident, "Before anyone subscribed: nobody gets this by email.");
        SignedSlack signed = new SignedSlack(URI.create("http://localhost:" + server.getPort()), slack);
        assertEquals(200, signed.command(BOB, "subscribe").statusCode());
        slack.awaitResponse(response -> response.body().toString().contains("You will get a DM"), WAIT);

        HttpResponse<String> subscribed = postForm("/status/subscribe", "email=Reader%40Example.com");
        assertEquals(200, subscribed.statusCode(), subscribed.body());
        assertTrue(subscribed.body().contains("Check your inbox"), subscribed.body());
        MimeMessage confirmation = awaitEmails(1).get(0);
        assertEquals("reader@example.com", confirmation.getAllRecipients()[0].toString());
        assertEquals(null, confirmation.getHeader("List-Unsubscribe"), "the confirmation subscribes nobody yet");
        update(incident, "Still before confirming: nothing by email.");
        Matcher link = CONFIRM_LINK.matcher(GreenMailUtil.getBody(confirmation));
        assertTrue(link.find(), GreenMailUtil.getBody(confirmation));

        HttpResponse<String> confirmed = get(link.group());
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        assertTrue(confirmed.body().contains("You are subscribed"), confirmed.body());
        assertFalse(confirmed.body().contains("<script"), confirmed.body());
        assertEquals(404, get(link.group()).statusCode(), "a confirm link works once");

        update(incident, "Anthropic is rolling out a fix.");
        MimeMessage update = awaitEmails(2).get(1);
        assertTrue(GreenMailUtil.getBody(update).contains("Anthropic is rolling out a fix."),
                GreenMailUtil.getBody(update));
        slack.awaitCall("chat.postMessage", call -> BOB.equals(call.param("channel"))
                && String.valueOf(FakeSlack.blocksOf(call)).contains("Anthropic is rolling out a fix."), WAIT);
        awaitNothingPending();
        assertEquals(2, smtp.getReceivedMessages().length, "the update arrives once");
        assertEquals(1, slack.messagesIn(BOB).stream().filter(call -> String.valueOf(FakeSlack.blocksOf(call))
                .contains("Anthropic is rolling out a fix.")).count(), "the DM arrives once");

        String unsubscribe = update.getHeader("List-Unsubscribe")[0];
        assertEquals("List-Unsubscribe=One-Click", update.getHeader("List-Unsubscribe-Post")[0]);
        // Read as the mail client decodes it: a body with words outside ASCII is sent quoted-printable.
        assertTrue(String.valueOf(update.getContent()).contains(unsubscribe.substring(1, unsubscribe.length() - 1)),
                "the same link is in the text");
        HttpResponse<String> page = get(unsubscribe.substring(1, unsubscribe.length() - 1));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<form method=\"post\""), "opening the link alone unsubscribes nobody");
        HttpResponse<String> unsubscribed = postAbsolute(unsubscribe.substring(1, unsubscribe.length() - 1),
                "List-Unsubscribe=One-Click");
        assertEquals(200, unsubscribed.statusCode(), unsubscribed.body());
        assertTrue(unsubscribed.body().contains("You are unsubscribed"), unsubscribed.body());

        update(incident, "After unsubscribing: no email.");
        slack.awaitCall("chat.postMessage", call -> BOB.equals(call.param("channel"))
                && String.valueOf(FakeSlack.blocksOf(call)).contains("After unsubscribing"), WAIT);
        awaitNothingPending();
        assertEquals(2, smtp.getReceivedMessages().length, "no email after unsubscribing");

        assertEquals(200, signed.command(BOB, "unsubscribe").statusCode());
        slack.awaitResponse(response -> response.body().toString().contains("no longer get DMs"), WAIT);
    }

    @Test
    void badInputIsAFourHundredPageThatSaysWhatToDo() throws Exception {
        HttpResponse<String> malformed = postForm("/status/subscribe", "email=alice+at+example.com");
        assertEquals(400, malformed.statusCode());
        assertTrue(malformed.body().contains("like name@example.com"), malformed.body());
        HttpResponse<String> tooLong = postForm("/status/subscribe", "email=" + "a".repeat(250) + "%40example.com");
        assertEquals(400, tooLong.statusCode());
        assertTrue(tooLong.body().contains("at most 254 characters"), tooLong.body());
        HttpResponse<String> headerInjection = postForm("/status/subscribe",
                "email=a%40example.com%0D%0ABcc%3A+b%40example.com");
        assertEquals(400, headerInjection.statusCode());
        assertEquals(413, postForm("/status/subscribe", "email=" + "a".repeat(2000)).statusCode());
        assertEquals(400, get("http://localhost:" + server.getPort() + "/status/subscribe/confirm?token=x")
                .statusCode());
        assertEquals(404, get("http://localhost:" + server.getPort() + "/status/subscribe/confirm?token="
                + "A".repeat(43)).statusCode(), "a well-formed token nobody was sent");
        assertEquals(404, postAbsolute("http://localhost:" + server.getPort() + "/status/unsubscribe?token="
                + "A".repeat(43), "List-Unsubscribe=One-Click").statusCode());
        awaitNothingPending();
        assertEquals(0, smtp.getReceivedMessages().length);
    }

    @Test
    void theStatusPageOffersTheFormAndItsPolicyLetsItPostHere() throws Exception {
        HttpResponse<String> page = get("http://localhost:" + server.getPort() + "/status");

        assertTrue(page.body().contains("<form method=\"post\" action=\"/status/subscribe\">"), page.body());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("form-action 'self'"));
    }

    private IncidentId openIncident() {
        RoutingOutcome.Applied disabled = assertInstanceOf(RoutingOutcome.Applied.class, availability.disable(
                List.of(Target.model(OPUS_48)), ALICE, Optional.of("elevated 529s")));
        return disabled.incident().orElseThrow().id();
    }

    private void update(IncidentId incident, String text) {
        assertInstanceOf(IncidentChange.Applied.class, incidents.postUpdate(incident, UpdateText.forCustomers(text), ALICE));
    }

    private List<MimeMessage> awaitEmails(int count) {
        Await.await(() -> smtp.getReceivedMessages().length >= count, WAIT, count + " emails at the SMTP server");
        return List.of(smtp.getReceivedMessages());
    }

    private void awaitNothingPending() {
        Await.await(() -> outbox.pending("email.", 10).isEmpty() && outbox.pending("slack.", 10).isEmpty(), WAIT,
                "every email and Slack post delivered");
    }

    private HttpResponse<String> postForm(String path, String form) throws Exception {
        return postAbsolute("http://localhost:" + server.getPort() + path, form);
    }

    private HttpResponse<String> postAbsolute(String url, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertNotNull(response.body());
        return response;
    }
}
