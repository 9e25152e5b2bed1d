package dev.detour.notifications.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.Gson;
import com.slack.api.util.json.GsonFactory;
import dev.detour.messages.SlackMessage;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A rendered message as it waits in the outbox: {@code {"text": ..., "blocks": "[...]"}} with the blocks in
 * Slack's own JSON (written by the Slack SDK's serializer, so what is stored is exactly what Slack receives).
 */
public record SlackPayload(String text, String blocksJson) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Building a Gson is costly (reflection over every Block Kit class); one serves every message. */
    private static final Gson SLACK_JSON = GsonFactory.createSnakeCase();

    public static SlackPayload of(SlackMessage message) {
        return new SlackPayload(message.text(), SLACK_JSON.toJson(message.blocks()));
    }

    public String toJson() {
        ObjectNode node = JSON.createObjectNode().put("text", text).put("blocks", blocksJson);
        return node.toString();
    }

    public static SlackPayload fromJson(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return new SlackPayload(node.path("text").asText(""), node.path("blocks").asText("[]"));
        } catch (IOException e) {
            throw new UncheckedIOException("outbox payload is not JSON", e);
        }
    }
}
