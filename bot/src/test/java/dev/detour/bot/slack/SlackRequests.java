package dev.detour.bot.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.SlackSignature;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Requests as Slack sends them to {@code /slack/events}: slash commands and interactions form-encoded, events as
 * JSON, each signed with the signing secret over {@code v0:timestamp:body}.
 */
final class SlackRequests {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI events;
    private final String signingSecret;
    private final HttpClient http = HttpClient.newHttpClient();

    SlackRequests(URI server, String signingSecret) {
        this.events = server.resolve("/slack/events");
        this.signingSecret = signingSecret;
    }

    HttpResponse<String> command(String user, String text, String responseUrl) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-verification-token");
        form.put("team_id", "T0DETOUR");
        form.put("team_domain", "detour");
        form.put("channel_id", "C0INCIDENTS");
        form.put("channel_name", "incidents");
        form.put("user_id", user);
        form.put("user_name", user.toLowerCase());
        form.put("command", "/detour");
        form.put("text", text);
        form.put("api_app_id", "A0DETOUR");
        form.put("response_url", responseUrl);
        form.put("trigger_id", "13345224609.738474920.8088930838d88f008e0");
        return send(formBody(form), "application/x-www-form-urlencoded", now());
    }

    HttpResponse<String> blockAction(String user, String actionId, String value, String responseUrl) {
        ObjectNode payload = JSON.createObjectNode().put("type", "block_actions")
                .put("trigger_id", "13345224609.738474920.8088930838d88f008e1").put("response_url", responseUrl)
                .put("api_app_id", "A0DETOUR");
        payload.putObject("user").put("id", user).put("username", user.toLowerCase()).put("team_id", "T0DETOUR");
        payload.putObject("team").put("id", "T0DETOUR").put("domain", "detour");
        payload.putObject("channel").put("id", "C0INCIDENTS").put("name", "incidents");
        payload.putObject("container").put("type", "message").put("channel_id", "C0INCIDENTS")
                .put("message_ts", "1760000000.000100");
        payload.putArray("actions").addObject().put("type", "button").put("action_id", actionId)
                .put("block_id", "incident-actions").put("value", value).put("action_ts", "1760000001.000200")
                .putObject("text").put("type", "plain_text").put("text", "button");
        return send(formBody(Map.of("payload", payload.toString())), "application/x-www-form-urlencoded", now());
    }

    /** @param values input block id → typed text (plain_text_input) */
    HttpResponse<String> viewSubmission(String user, String callbackId, String privateMetadata,
                                        Map<String, String> values) {
        ObjectNode state = JSON.createObjectNode();
        values.forEach((block, text) -> state.putObject(block).putObject(block).put("type", "plain_text_input")
                .put("value", text));
        return viewSubmission(user, callbackId, privateMetadata, state);
    }

    /** The declare form: targets chosen in the multi-select, a kind, a reason. */
    HttpResponse<String> declareSubmission(String user, java.util.List<String> targets, String kind, String reason) {
        ObjectNode state = JSON.createObjectNode();
        var selected = state.putObject("targets").putObject("targets").put("type", "multi_static_select")
                .putArray("selected_options");
        targets.forEach(value -> selected.addObject().put("value", value).putObject("text")
                .put("type", "plain_text").put("text", value));
        state.putObject("kind").putObject("kind").put("type", "static_select").putObject("selected_option")
                .put("value", kind).putObject("text").put("type", "plain_text").put("text", kind);
        state.putObject("reason").putObject("reason").put("type", "plain_text_input").put("value", reason);
        return viewSubmission(user, "detour.declare", "", state);
    }

    HttpResponse<String> viewSubmission(String user, String callbackId, String privateMetadata, ObjectNode values) {
        ObjectNode payload = JSON.createObjectNode().put("type", "view_submission").put("api_app_id", "A0DETOUR");
        payload.putObject("user").put("id", user).put("username", user.toLowerCase()).put("team_id", "T0DETOUR");
        payload.putObject("team").put("id", "T0DETOUR").put("domain", "detour");
        // Slack gives every opened view an id of its own, so two submissions are never the same request.
        String viewId = "V0" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase();
        ObjectNode view = payload.putObject("view").put("id", viewId).put("type", "modal")
                .put("callback_id", callbackId).put("private_metadata", privateMetadata);
        view.putObject("state").set("values", values);
        return send(formBody(Map.of("payload", payload.toString())), "application/x-www-form-urlencoded", now());
    }

    HttpResponse<String> globalShortcut(String user, String callbackId) {
        ObjectNode payload = JSON.createObjectNode().put("type", "shortcut").put("callback_id", callbackId)
                .put("trigger_id", "13345224609.738474920.8088930838d88f008e2").put("action_ts", "1760000002.0003");
        payload.putObject("user").put("id", user).put("username", user.toLowerCase()).put("team_id", "T0DETOUR");
        payload.putObject("team").put("id", "T0DETOUR").put("domain", "detour");
        return send(formBody(Map.of("payload", payload.toString())), "application/x-www-form-urlencoded", now());
    }

    HttpResponse<String> appHomeOpened(String eventId, String user, Map<String, String> headers) {
        ObjectNode body = JSON.createObjectNode().put("token", "legacy-verification-token")
                .put("team_id", "T0DETOUR").put("api_app_id", "A0DETOUR").put("type", "event_callback")
                .put("event_id", eventId).put("event_time", now());
        body.putObject("event").put("type", "app_home_opened").put("user", user).put("channel", "D0HOME")
                .put("tab", "home").put("event_ts", now() + ".000100");
        return send(body.toString(), "application/json", now(), headers);
    }

    HttpResponse<String> send(String body, String contentType, long timestamp) {
        return send(body, contentType, timestamp, Map.of());
    }

    HttpResponse<String> send(String body, String contentType, long timestamp, Map<String, String> headers) {
        String ts = Long.toString(timestamp);
        return sendSigned(body, contentType, ts, new SlackSignature.Generator(signingSecret).generate(ts, body),
                headers);
    }

    HttpResponse<String> sendSigned(String body, String contentType, String timestamp, String signature,
                                    Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(events)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (timestamp != null) {
            request.header("X-Slack-Request-Timestamp", timestamp);
        }
        if (signature != null) {
            request.header("X-Slack-Signature", signature);
        }
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String formBody(Map<String, String> form) {
        return form.entrySet().stream().map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }
}
