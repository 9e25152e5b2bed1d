package dev.detour.bot.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.util.JsonPayloadExtractor;
import jakarta.inject.Singleton;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a signed body once, before Bolt does, and refuses what Slack never sends: Bolt and Detour's handlers
 * take Slack's shapes for granted (a JSON object, a {@code payload} that is JSON, a {@code user} on every
 * interaction), and anything else would end in an exception and a 500. The details say what was wrong without
 * quoting a parser.
 */
@Singleton
public class SlackPayloadCheck {
    /** Strict, and whole: Bolt's parser refuses text after the JSON value too. */
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final JsonPayloadExtractor boltExtractor = new JsonPayloadExtractor();

    /** What a body is: refused, with a reason for the sender, or one for Bolt (with its event id, if an event). */
    public sealed interface Verdict permits Refused, Readable {
    }

    /** @param detail what was wrong, for the person who sent it */
    public record Refused(String detail) implements Verdict {
    }

    /** @param eventId the Events API delivery's id, which Slack repeats when it retries */
    public record Readable(Optional<String> eventId) implements Verdict {
    }

    public Verdict check(String body) {
        String trimmed = body.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            return event(trimmed);
        }
        return form(body);
    }

    /** The Events API: a JSON object with a type; an {@code event_callback} carries its event. */
    private Verdict event(String body) {
        Optional<JsonNode> parsed = parse(body);
        if (parsed.isEmpty()) {
            return new Refused("the body is not JSON");
        }
        JsonNode node = parsed.get();
        if (!node.isObject()) {
            return new Refused("the body must be a JSON object");
        }
        if (!node.path("type").isTextual()) {
            return new Refused("the body has no \"type\"");
        }
        if (!"event_callback".equals(node.path("type").asText())) {
            return new Readable(Optional.empty());
        }
        JsonNode event = node.path("event");
        if (!event.isObject() || !event.path("type").isTextual()) {
            return new Refused("an event_callback needs an \"event\" object with a \"type\"");
        }
        if ("app_home_opened".equals(event.path("type").asText()) && !hasText(event.path("user"))) {
            return new Refused("an app_home_opened event needs a \"user\"");
        }
        return new Readable(hasText(node.path("event_id")) ? Optional.of(node.path("event_id").asText())
                : Optional.empty());
    }

    /** Slash commands (form fields) and interactions (a form field {@code payload} holding JSON). */
    private Verdict form(String body) {
        Map<String, String> fields = new HashMap<>();
        try {
            for (String pair : body.split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name.strip(), value);
            }
        } catch (IllegalArgumentException e) {
            return new Refused("the body is not valid URL-encoded form data");
        }
        if (fields.containsKey("payload")) {
            // Bolt finds the payload its own way; the one checked is the one it will read.
            String payload = boltExtractor.extractIfExists(body);
            return payload == null ? new Refused("the payload field is not URL-encoded") : interaction(payload);
        }
        if (fields.containsKey("command") && fields.getOrDefault("user_id", "").isBlank()) {
            return new Refused("a slash command needs a \"user_id\"");
        }
        return new Readable(Optional.empty());
    }

    /** Buttons, menus, forms and shortcuts: always pressed by a person, always about something. */
    private Verdict interaction(String payload) {
        Optional<JsonNode> parsed = parse(payload);
        if (parsed.isEmpty()) {
            return new Refused("the payload is not JSON");
        }
        JsonNode node = parsed.get();
        if (!node.isObject()) {
            return new Refused("the payload must be a JSON object");
        }
        if (!node.path("type").isTextual()) {
            return new Refused("the payload has no \"type\"");
        }
        String type = node.path("type").asText();
        if (!hasText(node.path("user").path("id"))) {
            return new Refused("a " + type + " payload needs a \"user\" with an \"id\"");
        }
        return switch (type) {
            case "block_actions" -> actions(node);
            case "view_submission", "view_closed" -> node.path("view").isObject() ? readable()
                    : new Refused("a " + type + " payload needs its \"view\"");
            case "shortcut", "message_action" -> node.path("callback_id").isTextual() ? readable()
                    : new Refused("a " + type + " payload needs a \"callback_id\"");
            default -> readable();
        };
    }

    private static Verdict actions(JsonNode node) {
        JsonNode actions = node.path("actions");
        if (!actions.isArray() || actions.isEmpty()) {
            return new Refused("a block_actions payload needs its \"actions\"");
        }
        for (JsonNode action : actions) {
            if (!action.path("action_id").isTextual()) {
                return new Refused("each of a block_actions payload's \"actions\" needs an \"action_id\"");
            }
        }
        return readable();
    }

    private static Verdict readable() {
        return new Readable(Optional.empty());
    }

    private Optional<JsonNode> parse(String text) {
        try {
            return Optional.ofNullable(json.readTree(text)).filter(node -> !node.isMissingNode());
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static boolean hasText(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank();
    }
}
