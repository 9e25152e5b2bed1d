package dev.detour.bot.signals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detour.bot.signals.AlertmanagerAlerts.Alert;
import dev.detour.incidents.application.ModelEvidenceSource;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.signals.FiringAlerts;
import dev.detour.notifications.testing.FakeSlack;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Alertmanager notifications of several alerts (real v4 bodies): each alert is recorded, repeated, refused or failed
 * on its own, and the answer says which. Each test uses fingerprints of its own.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertmanagerNotificationsIT implements TestPropertyProvider {
    private final FakeSlack slack = SignalTestApp.slack();

    @Inject
    EmbeddedServer server;
    @Inject
    ModelEvidenceSource evidence;
    @Inject
    FiringAlerts alerts;
    @Value("${datasources.default.url}")
    String databaseUrl;

    @Override
    public Map<String, String> getProperties() {
        return SignalTestApp.properties(slack);
    }

    @AfterAll
    void stop() {
        slack.close();
    }

    @Test
    void aSummaryLongerThanAnyColumnIsCutAndTheAlertsAroundItAreRecorded() {
        String longSummary = "Claude Opus 4.7 returns 529: " + "overloaded_error ".repeat(300);
        String notification = AlertmanagerAlerts.notification(List.of(
                Alert.about("claude-opus-4-8", "1a00000000000001", "Opus 4.8 error rate above 20%"),
                Alert.about("claude-opus-4-7", "1a00000000000002", longSummary),
                Alert.about("claude-sonnet-4-6", "1a00000000000003", "Sonnet 4.6 error rate above 20%")));

        HttpResponse<String> response = post(notification);

        assertEquals(202, response.statusCode(), response.body());
        JsonNode answer = SignalTestApp.json(response.body());
        assertEquals(3, answer.path("recorded").asInt(), response.body());
        assertEquals(List.of("recorded", "recorded", "recorded"), outcomes(answer));
        String reason = StreamSupport.stream(SignalTestApp.get(server.getURI(), "/api/audit?model=claude-opus-4-7")
                        .path("records").spliterator(), false).map(record -> record.path("reason").asText())
                .filter(text -> text.startsWith("alert name=\"LLMErrorRateHigh\" summary=\"Claude Opus 4.7 returns 529"))
                .findFirst()
                .orElseThrow();
        assertTrue(reason.length() <= 4000 && reason.endsWith(" characters)"), reason);
    }

    @Test
    void aFiringAlertAboutAModelIsFailingEvidenceForAPreviewUntilItIsResolved() {
        String firing = AlertmanagerAlerts.notification(List.of(
                Alert.about("gpt-5", "4d00000000000001", "GPT-5 error rate above 20%")));

        assertEquals(202, post(firing).statusCode());
        assertTrue(alerts.fires("4d00000000000001"), "the alert fires");
        assertTrue(evidence.now().get(ModelId.of("gpt-5")).firing().contains("alertmanager"),
                "a firing alert says the model fails");

        String resolved = firing.replace("\"status\":\"firing\"", "\"status\":\"resolved\"")
                .replace("0001-01-01T00:00:00Z", "2026-06-07T09:30:00Z");
        assertEquals(202, post(resolved).statusCode(), resolved);
        // Other tests' alerts about the same model may still fire: this one no longer does.
        assertFalse(alerts.fires("4d00000000000001"), "resolved, it says so no more");
    }

    @Test
    void anAlertThatCouldNotBeStoredIsRecordedWhenAlertmanagerSendsItAgain() throws SQLException {
        String notification = AlertmanagerAlerts.notification(List.of(
                Alert.about("gpt-5", "2b00000000000001", "GPT-5 error rate above 20%"),
                Alert.about("claude-opus-4-8", "2b00000000000002", "Opus 4.8 latency: disk full on the way"),
                Alert.about("claude-sonnet-4-6", "2b00000000000003", "Sonnet 4.6 error rate above 20%")));

        HttpResponse<String> failed;
        try (Connection connection = DriverManager.getConnection(databaseUrl, "sa", "");
             Statement statement = connection.createStatement()) {
            // The database refuses the second alert's timeline entry, as a full disk or a lost connection would.
            statement.execute("ALTER TABLE timeline_entry ADD CONSTRAINT refuse_disk_full"
                    + " CHECK (detail NOT LIKE '%disk full%')");
            try {
                failed = post(notification);
            } finally {
                statement.execute("ALTER TABLE timeline_entry DROP CONSTRAINT refuse_disk_full");
            }
        }
        assertEquals(503, failed.statusCode(), "Alertmanager retries 5xx: " + failed.body());
        JsonNode first = SignalTestApp.json(failed.body());
        assertEquals(List.of("recorded", "failed", "recorded"), outcomes(first), failed.body());
        assertEquals("not_recorded", first.path("error").asText());

        HttpResponse<String> retry = post(notification);

        assertEquals(202, retry.statusCode(), retry.body());
        JsonNode second = SignalTestApp.json(retry.body());
        assertEquals(List.of("repeat", "recorded", "repeat"), outcomes(second), retry.body());
        assertEquals(1, second.path("recorded").asInt());
        assertEquals(2, second.path("repeats").asInt());
        assertTrue(SignalTestApp.get(server.getURI(), "/api/audit?model=claude-opus-4-8").toString()
                .contains("disk full on the way"), "the alert is in the audit trail once the retry recorded it");
    }

    @Test
    void anAlertWithoutAFingerprintWhoseLabelsAreLongIsRecordedOnce() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", "LLMErrorRateHigh");
        labels.put("model", "claude-opus-4-7");
        labels.put("runbook", "https://wiki.example.com/runbooks/llm/" + "anthropic/claude/opus/".repeat(30));
        String notification = AlertmanagerAlerts.notification(List.of(new Alert(null, labels,
                "Opus 4.7 error rate above 20%", "2026-06-07T10:15:00Z")));

        HttpResponse<String> first = post(notification);
        HttpResponse<String> repeat = post(notification);

        assertEquals(202, first.statusCode(), first.body());
        assertEquals(List.of("recorded"), outcomes(SignalTestApp.json(first.body())));
        assertEquals(202, repeat.statusCode(), repeat.body());
        assertEquals(List.of("repeat"), outcomes(SignalTestApp.json(repeat.body())));
    }

    @Test
    void aNotificationWhoseAlertsAreAllRefusedIsAnswered422WithTheReasonOfEach() {
        String notification = AlertmanagerAlerts.notification(List.of(
                Alert.about("claude-opus-4-9", "3c00000000000001", "no such model"),
                Alert.about("gpt-6", "3c00000000000002", "nor this one")));

        HttpResponse<String> response = post(notification);

        assertEquals(422, response.statusCode(), response.body());
        JsonNode answer = SignalTestApp.json(response.body());
        assertEquals("invalid_alerts", answer.path("error").asText());
        assertEquals(List.of("refused", "refused"), outcomes(answer));
        assertEquals("unknown model 'gpt-6'", answer.path("results").path(1).path("problem").asText());
        assertEquals("3c00000000000002", answer.path("results").path(1).path("fingerprint").asText());
    }

    private HttpResponse<String> post(String notification) {
        return SignalTestApp.post(server.getURI(), "/signals/alertmanager", notification, SignalTestApp.TOKEN);
    }

    private static List<String> outcomes(JsonNode answer) {
        return StreamSupport.stream(answer.path("results").spliterator(), false)
                .map(result -> result.path("outcome").asText()).toList();
    }
}
