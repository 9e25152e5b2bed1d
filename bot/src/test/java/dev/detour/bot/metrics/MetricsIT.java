package dev.detour.bot.metrics;

import dev.detour.bot.slack.SignedSlack;
import dev.detour.bot.testing.CleanSlate;
import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.application.AvailabilityService;
import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.outbox.OutboxEntry;
import dev.detour.incidents.ports.OutboxQueue;
import dev.detour.incidents.testing.Await;
import dev.detour.incidents.testing.SeedConfigFactory;
import dev.detour.notifications.flags.FlagPushDispatcher;
import dev.detour.notifications.slack.SlackDispatcher;
import dev.detour.notifications.testing.FakeSlack;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /metrics} as Prometheus scrapes it: public, in the text format, and every Detour meter moving when
 * what it measures happens. The outbox is dispatched by hand here, so the tests see rows wait and leave. Each test
 * starts from a {@link CleanSlate} and makes the changes it measures itself.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsIT implements TestPropertyProvider {
    private static final String API_TOKEN = "api-token-for-tests-0123456789";
    private static final String SIGNAL_TOKEN = "signal-token-0123456789abcdef";
    /** What Prometheus 2.x/3.x sends: OpenMetrics preferred, the 0.0.4 text format accepted. */
    private static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0;q=0.5,"
            + "application/openmetrics-text;version=0.0.1;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final FakeSlack slack = FakeSlack.start(SignedSlack.BOT_TOKEN);
    private final HttpClient http = HttpClient.newHttpClient();
    private Path flagFile;

    @Inject
    EmbeddedServer server;
    @Inject
    IncidentService incidents;
    @Inject
    AvailabilityService availability;
    @Inject
    OutboxQueue outbox;
    @Inject
    SlackDispatcher slackDispatcher;
    @Inject
    FlagPushDispatcher flagDispatcher;
    @Inject
    CleanSlate cleanSlate;

    @Override
    public Map<String, String> getProperties() {
        slack.addChannel("C0INCIDENTS", true);
        slack.addChannel("C0SUPPORT", true);
        slack.addChannel("C0MANAGERS", true);
        try {
            flagFile = Files.createTempDirectory("detour-metrics").resolve("flags.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> properties = new HashMap<>(SignedSlack.properties(slack));
        properties.put("detour.api-token", API_TOKEN);
        properties.put("detour.signal-token", SIGNAL_TOKEN);
        properties.put("detour.signals.gateway-check", "1h");
        properties.put("detour.outbox.first-poll", "1h"); // the tests dispatch by hand
        properties.put("detour.slack.burst", "100");
        properties.put("detour.metrics.database-max-age", "0s"); // every scrape reads the database
        properties.put(SeedConfigFactory.FILE_SINK, flagFile.toString());
        return properties;
    }

    @AfterAll
    void stopSlack() {
        slack.close();
    }

    @BeforeEach
    void startFromACleanSlate() {
        cleanSlate.restore();
    }

    @Test
    void metricsArePublicAndInPrometheusTextFormatEvenWhenTheApiNeedsAToken() {
        assertEquals(401, get("/api/status", Map.of()).statusCode(), "the API token is set");

        HttpResponse<String> scrape = get("/metrics", Map.of("Accept", PROMETHEUS_ACCEPT));

        assertEquals(200, scrape.statusCode(), scrape.body());
        String contentType = scrape.headers().firstValue("Content-Type").orElse("");
        assertTrue(contentType.startsWith("text/plain") && contentType.contains("version=0.0.4"), contentType);
        PrometheusText metrics = PrometheusText.parse(scrape.body());
        assertEquals(Optional.of("counter"), metrics.type("detour_signals_received_total"));
        assertEquals(Optional.of("counter"), metrics.type("detour_flag_changes_total"));
        assertEquals(Optional.of("gauge"), metrics.type("detour_incidents_open"));
        assertEquals(Optional.of("gauge"), metrics.type("detour_outbox_pending"));
        assertEquals(Optional.of("gauge"), metrics.type("detour_outbox_oldest_pending_age_seconds"));
        assertTrue(metrics.value("detour_outbox_pending", Map.of("topic", "slack")).isPresent());
        assertTrue(metrics.value("detour_outbox_pending", Map.of("topic", "flags")).isPresent());
        assertEquals(Optional.of(0.0), metrics.value("detour_signals_received_total",
                Map.of("source", "statuspage", "provider", "openai")), "every source and provider starts at 0");

        HttpResponse<String> openMetricsOnly = get("/metrics", Map.of("Accept",
                "application/openmetrics-text;version=1.0.0"));
        assertEquals(200, openMetricsOnly.statusCode(), "a scraper that asks for OpenMetrics only gets 0.0.4 too");
        assertEquals(contentType, openMetricsOnly.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void gatewayOutcomesAndAlertmanagerAlertsRaiseTheSignalCounterOfTheirSourceAndProvider() throws Exception {
        PrometheusText before = scrape();
        String batch = "{\"outcomes\":["
                + outcome("anthropic", "claude-opus-4-8") + "," + outcome("anthropic", "claude-opus-4-7") + ","
                + outcome("anthropic", "claude-opus-4-8") + "," + outcome("openai", "gpt-5") + "]}";

        assertEquals(202, postSignal("/signals/gateway", batch).statusCode());
        PrometheusText afterGateway = scrape();

        assertEquals(3, increase(before, afterGateway, "detour_signals_received_total",
                Map.of("source", "gateway", "provider", "anthropic")));
        assertEquals(1, increase(before, afterGateway, "detour_signals_received_total",
                Map.of("source", "gateway", "provider", "openai")));
        assertEquals(0, increase(before, afterGateway, "detour_signals_received_total",
                Map.of("source", "alertmanager", "provider", "openai")));

        String alert = new String(getClass().getResourceAsStream("/alertmanager/firing.json").readAllBytes(),
                StandardCharsets.UTF_8);
        assertEquals(202, postSignal("/signals/alertmanager", alert).statusCode());
        PrometheusText afterAlert = scrape();

        assertEquals(1, increase(afterGateway, afterAlert, "detour_signals_received_total",
                Map.of("source", "alertmanager", "provider", "openai")), "the alert is about gpt-5 of openai");
        assertEquals(0, increase(afterGateway, afterAlert, "detour_signals_received_total",
                Map.of("source", "gateway", "provider", "openai")));
        assertTrue(afterAlert.samples("detour_signals_received_total").stream()
                        .noneMatch(s -> s.labels().get("source").contains(":")),
                "the provider is a tag of its own, never part of the source");
    }

    @Test
    void theOpenIncidentsGaugeCountsEveryIncidentNotYetResolved() {
        // The clean slate left no incident open: one open incident per provider, so these opens are not refused.
        assertEquals(incidents.openIncidents().size(), openIncidents(scrape()));
        double before = openIncidents(scrape());

        IncidentChange.Applied first = assertInstanceOf(IncidentChange.Applied.class, incidents.open(
                IncidentKind.DEGRADATION, "slow answers", List.of(Target.model(SeedCatalog.SONNET_46)),
                Actor.user(SignedSlack.ALICE)));
        IncidentChange.Applied second = assertInstanceOf(IncidentChange.Applied.class, incidents.open(
                IncidentKind.POLICY_CHANGE, "new retention rules", List.of(Target.model(SeedCatalog.GPT_5)),
                Actor.user(SignedSlack.ALICE)));
        assertEquals(before + 2, openIncidents(scrape()));
        assertEquals(incidents.openIncidents().size(), openIncidents(scrape()));

        incidents.resolve(first.incident().id(), Actor.user(SignedSlack.ALICE), "fast again");
        incidents.resolve(second.incident().id(), Actor.user(SignedSlack.ALICE), "rules published");
        assertEquals(before, openIncidents(scrape()));
    }

    @Test
    void disablingAModelCountsItsFlagAndTheRoutesThatMovedWithIt() {
        PrometheusText before = scrape();

        availability.disable(List.of(Target.model(SeedCatalog.OPUS_48)), Actor.user(SignedSlack.ALICE),
                Optional.of("elevated 529s"));
        PrometheusText disabled = scrape();

        assertEquals(1, increase(before, disabled, "detour_flag_changes_total", Map.of("kind", "model")));
        // meeting-summary falls back to gpt-5; legal-review, whose only model it was, stops
        assertEquals(2, increase(before, disabled, "detour_flag_changes_total", Map.of("kind", "route")));
        assertEquals(0, increase(before, disabled, "detour_flag_changes_total", Map.of("kind", "provider")));

        availability.enable(List.of(Target.model(SeedCatalog.OPUS_48)), Actor.user(SignedSlack.ALICE),
                Optional.of("recovered"));
        assertEquals(1, increase(disabled, scrape(), "detour_flag_changes_total", Map.of("kind", "model")));
    }

    @Test
    void theOutboxGaugesShowWhatWaitsAndHowLongAndDropOnceItIsDelivered() {
        // A change writes Slack posts and flag-file pushes; nothing dispatches them until the test does.
        availability.disable(List.of(Target.model(SeedCatalog.OPUS_48)), Actor.user(SignedSlack.ALICE),
                Optional.of("elevated 529s"));
        List<OutboxEntry> slackRows = outbox.pending("slack.", 10_000);
        List<OutboxEntry> flagRows = outbox.pending("flags.", 10_000);
        assertFalse(slackRows.isEmpty());
        assertFalse(flagRows.isEmpty());

        Instant scraped = Instant.now();
        PrometheusText waiting = scrape();
        Instant read = Instant.now();

        assertEquals(slackRows.size(), pending(waiting, "slack"));
        assertEquals(flagRows.size(), pending(waiting, "flags"));
        double age = oldestAge(waiting, "slack");
        Instant oldest = slackRows.get(0).createdAt();
        assertTrue(age >= Duration.between(oldest, scraped).toMillis() / 1000.0 - 0.001
                && age <= Duration.between(oldest, read).toMillis() / 1000.0 + 0.001,
                "the oldest row was written at " + oldest + ", scraped at " + scraped + ": " + age + " s");

        flagDispatcher.dispatchDue();
        PrometheusText pushed = scrape();

        assertEquals(0, pending(pushed, "flags"));
        assertEquals(0, oldestAge(pushed, "flags"), "nothing waits");
        assertTrue(Files.exists(flagFile), "the pushes were made");
        // The Slack rows still wait, with the root refreshes each settled push asks for (the root message says
        // which sinks the change reached; docs/flags.md, "Which apps obey").
        assertEquals(outbox.pending("slack.", 10_000).size(), pending(pushed, "slack"), "Slack rows still wait");
        assertTrue(pending(pushed, "slack") >= slackRows.size(), "none of the earlier Slack rows went");
    }

    @Test
    void slackApiCallsAreCountedByMethodAndOutcomeIncludingErrorsAndRateLimits() throws Exception {
        // The incident's root message and its thread replies wait in the outbox.
        availability.disable(List.of(Target.model(SeedCatalog.OPUS_48)), Actor.user(SignedSlack.ALICE),
                Optional.of("elevated 529s"));
        PrometheusText before = scrape();
        slack.clear();
        slack.failNext("chat.postMessage", "channel_not_found");
        slack.rateLimitNext("chat.postMessage", 1);

        awaitScrape(metrics -> pending(metrics, "slack") == 0, () -> slackDispatcher.dispatchDue());
        PrometheusText after = scrape();

        assertEquals(1, increase(before, after, "detour_slack_api_calls_total",
                Map.of("method", "chat.postMessage", "outcome", "channel_not_found")));
        assertEquals(1, increase(before, after, "detour_slack_api_calls_total",
                Map.of("method", "chat.postMessage", "outcome", "ratelimited")));
        // Every call the fake Slack saw is counted once, under the outcome Slack gave.
        for (String method : List.of("chat.postMessage", "chat.update", "conversations.join")) {
            Map<String, Double> seen = new HashMap<>();
            for (FakeSlack.Call call : slack.calls(method)) {
                String outcome = call.httpStatus() == 429 ? "ratelimited" : call.ok() ? "ok" : call.error();
                seen.merge(outcome, 1.0, Double::sum);
            }
            seen.forEach((outcome, calls) -> assertEquals(calls, increase(before, after,
                    "detour_slack_api_calls_total", Map.of("method", method, "outcome", outcome)),
                    method + " " + outcome));
        }
        assertTrue(increase(before, after, "detour_slack_api_calls_total",
                Map.of("method", "chat.postMessage", "outcome", "ok")) > 0);
    }

    @Test
    void aSignedSlashCommandIsTimedToItsAckAndToItsAnswerByVerb() {
        PrometheusText before = scrape();
        SignedSlack signed = new SignedSlack(server.getURI(), slack);
        String responseUrl = slack.newResponseUrl();

        assertEquals(200, signed.command(SignedSlack.ALICE, "status", responseUrl).statusCode());
        slack.awaitResponse(response -> response.url().equals(responseUrl), WAIT);
        PrometheusText after = awaitScrape(metrics -> increase(before, metrics,
                "detour_slash_command_answer_seconds_count", Map.of("verb", "status")) == 1, () -> { });

        assertEquals(1, increase(before, after, "detour_slash_command_ack_seconds_count", Map.of("verb", "status")));
        assertEquals(1, increase(before, after, "detour_slash_command_ack_seconds_bucket",
                Map.of("verb", "status", "le", "+Inf")));
        // A bucket ends at Slack's 3 seconds, so an alert can count late acks. How fast the ack is, is measured
        // by bench/commands.sh, not here: a timing on a loaded test machine says nothing about Detour.
        assertTrue(after.value("detour_slash_command_ack_seconds_bucket", Map.of("verb", "status", "le", "3.0"))
                .isPresent(), "a bucket at Slack's 3 s limit");
        assertEquals(Optional.of("histogram"), after.type("detour_slash_command_ack_seconds"),
                "a histogram, so percentiles come from histogram_quantile()");
        assertEquals(Optional.of("histogram"), after.type("detour_slash_command_answer_seconds"));
        assertTrue(increase(before, after, "detour_slash_command_answer_seconds_sum", Map.of("verb", "status")) > 0);
        assertEquals(1, increase(before, after, "detour_slack_api_calls_total",
                Map.of("method", "response_url", "outcome", "ok")), "the answer went through response_url");
        assertEquals(0, increase(before, after, "detour_slash_command_ack_seconds_count", Map.of("verb", "help")));

        assertEquals(200, signed.command(SignedSlack.ALICE, "staus").statusCode());
        PrometheusText mistyped = scrape();
        assertEquals(1, increase(after, mistyped, "detour_slash_command_ack_seconds_count",
                Map.of("verb", "unknown")), "a word that is no verb is timed as unknown");
        assertEquals(1, increase(after, mistyped, "detour_slash_command_answer_seconds_count",
                Map.of("verb", "unknown")), "answered in the ack itself");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static String outcome(String provider, String model) {
        return "{\"provider\":\"" + provider + "\",\"model\":\"" + model + "\",\"ok\":true,\"status\":200,"
                + "\"latencyMs\":900}";
    }

    private static double increase(PrometheusText before, PrometheusText after, String name,
                                   Map<String, String> labels) {
        return after.valueOrZero(name, labels) - before.valueOrZero(name, labels);
    }

    private static double openIncidents(PrometheusText metrics) {
        return metrics.value("detour_incidents_open", Map.of()).orElseThrow();
    }

    private static double pending(PrometheusText metrics, String topic) {
        return metrics.value("detour_outbox_pending", Map.of("topic", topic)).orElseThrow();
    }

    private static double oldestAge(PrometheusText metrics, String topic) {
        return metrics.value("detour_outbox_oldest_pending_age_seconds", Map.of("topic", topic)).orElseThrow();
    }

    private PrometheusText scrape() {
        HttpResponse<String> response = get("/metrics", Map.of("Accept", PROMETHEUS_ACCEPT));
        assertEquals(200, response.statusCode(), response.body());
        return PrometheusText.parse(response.body());
    }

    /** Scrapes (doing {@code step} before each) until {@code done}; fails after {@link #WAIT}. */
    private PrometheusText awaitScrape(Predicate<PrometheusText> done, Runnable step) {
        return Await.await(() -> {
            step.run();
            return scrape();
        }, done, WAIT, "the metrics to show it");
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(path)).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    private HttpResponse<String> postSignal(String path, String body) {
        return send(HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + SIGNAL_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
