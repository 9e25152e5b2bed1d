package dev.detour.notifications.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detour.messages.SlackText;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Block Kit as a person reads it in a terminal: headers, section text and fields, context lines, and the
 * buttons and menus of actions blocks as {@code [Label]}. Console mode and the demo print messages this way.
 */
public final class ReadableBlocks {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Slack's date token ({@code <!date^1780816320^{time}|07:12 UTC>}): a terminal shows its UTC fallback. */
    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("<!date\\^\\d+\\^[^|>]*\\|([^>]*)>");

    private ReadableBlocks() {
    }

    /** @return the lines of the blocks, or the fallback text's lines when there are no blocks */
    public static List<String> lines(SlackPayload message) {
        List<String> lines = new ArrayList<>();
        try {
            for (JsonNode block : JSON.readTree(message.blocksJson())) {
                lines.addAll(block(block));
            }
        } catch (IOException e) {
            lines.clear(); // not Block Kit we can read: the fallback text says the same
        }
        return (lines.isEmpty() ? message.text().lines().toList() : lines).stream()
                .map(line -> DATE.matcher(line).replaceAll("$1")).map(SlackText::unescape).toList();
    }


    private static List<String> block(JsonNode block) {
        List<String> lines = new ArrayList<>();
        switch (block.path("type").asText()) {
            case "header" -> lines.add(block.path("text").path("text").asText().toUpperCase());
            case "section" -> {
                lines.addAll(block.path("text").path("text").asText("").lines().toList());
                block.path("fields").forEach(field -> lines.add(field.path("text").asText()));
            }
            case "context" -> {
                List<String> parts = new ArrayList<>();
                block.path("elements").forEach(element -> parts.add(element.path("text").asText("")));
                lines.add("(" + String.join(" · ", parts) + ")");
            }
            case "actions" -> {
                List<String> controls = new ArrayList<>();
                block.path("elements").forEach(element -> controls.add(control(element)));
                lines.add(String.join(" ", controls));
            }
            case "divider" -> lines.add("----");
            default -> {
            }
        }
        return lines;
    }

    private static String control(JsonNode element) {
        String label = element.has("text") ? element.path("text").path("text").asText()
                : element.path("placeholder").path("text").asText();
        return "[" + label + (element.path("type").asText().contains("select") ? " ▾]" : "]");
    }
}
