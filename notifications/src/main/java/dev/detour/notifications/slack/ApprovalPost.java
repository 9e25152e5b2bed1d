package dev.detour.notifications.slack;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A {@link SlackKind#APPROVAL} or {@link SlackKind#APPROVAL_SETTLED} row's payload: which request or emergency
 * apply it is about (its number, to remember or find its message) and the message, rendered when the row was written.
 */
record ApprovalPost(long approval, SlackPayload message) {

    String toJson() {
        return QuestionChange.JSON.createObjectNode().put("approval", approval).put("message", message.toJson())
                .toString();
    }

    static ApprovalPost fromJson(String json) {
        JsonNode node;
        try {
            node = QuestionChange.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("approval payload is not JSON", e);
        }
        return new ApprovalPost(node.path("approval").asLong(), SlackPayload.fromJson(node.path("message").asText()));
    }
}
