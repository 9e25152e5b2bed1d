package dev.detour.messages;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Slack's documented Block Kit limits, checked on the JSON Slack is sent (see {@link SlackJson}). Walking the JSON
 * covers every block and element type without a case per SDK class, and lists every broken limit with where it
 * is, so one run shows them all.
 */
final class BlockKitLimits {
    static final int MESSAGE_TEXT = 40_000;
    static final int ID = 255;
    static final int BUTTON_VALUE = 2000;
    static final int OPTION_VALUE = 150;
    static final int CONTEXT_ELEMENTS = 10;
    static final int SECTION_FIELDS = 10;
    static final int FIELD_TEXT = 2000;
    static final int PLACEHOLDER = 150;
    static final int LABEL = 2000;
    static final int VIEW_TITLE = 24;
    static final int PRIVATE_METADATA = 3000;
    static final int INPUT_LENGTH = 3000;

    private final List<String> violations = new ArrayList<>();

    private BlockKitLimits() {
    }

    static void assertFits(String name, JsonObject payload) {
        assertEquals(List.of(), violations(payload), name + " breaks Block Kit limits");
    }

    /** A message ({@code text} and {@code blocks}) or a view ({@code type} modal or home). */
    static List<String> violations(JsonObject payload) {
        BlockKitLimits check = new BlockKitLimits();
        if (payload.has("type")) {
            check.view(payload);
        } else {
            check.message(payload);
        }
        return check.violations;
    }

    private void message(JsonObject message) {
        atMost("text", string(message, "text"), MESSAGE_TEXT);
        blocks(message, Limits.MESSAGE_BLOCKS);
    }

    private void view(JsonObject view) {
        for (String part : List.of("title", "submit", "close")) {
            atMost(part, text(view, part), VIEW_TITLE);
        }
        atMost("callback_id", string(view, "callback_id"), ID);
        atMost("private_metadata", string(view, "private_metadata"), PRIVATE_METADATA);
        blocks(view, Limits.VIEW_BLOCKS);
    }

    private void blocks(JsonObject payload, int max) {
        JsonArray blocks = array(payload, "blocks");
        atMost("blocks", blocks.size(), max);
        for (int i = 0; i < blocks.size(); i++) {
            block(blocks.get(i).getAsJsonObject(), "blocks[" + i + "]");
        }
    }

    private void block(JsonObject block, String at) {
        atMost(at + ".block_id", string(block, "block_id"), ID);
        switch (string(block, "type")) {
            case "header" -> atMost(at + ".text", text(block, "text"), Limits.HEADER_TEXT);
            case "section" -> {
                atMost(at + ".text", text(block, "text"), Limits.SECTION_TEXT);
                JsonArray fields = array(block, "fields");
                atMost(at + ".fields", fields.size(), SECTION_FIELDS);
                for (int i = 0; i < fields.size(); i++) {
                    atMost(at + ".fields[" + i + "]", string(fields.get(i).getAsJsonObject(), "text"), FIELD_TEXT);
                }
                if (block.has("accessory")) {
                    element(block.getAsJsonObject("accessory"), at + ".accessory");
                }
            }
            case "actions" -> elements(block, at, Limits.ACTIONS_ELEMENTS);
            case "context" -> atMost(at + ".elements", array(block, "elements").size(), CONTEXT_ELEMENTS);
            case "input" -> {
                atMost(at + ".label", text(block, "label"), LABEL);
                atMost(at + ".hint", text(block, "hint"), LABEL);
                element(block.getAsJsonObject("element"), at + ".element");
            }
            default -> {
            }
        }
    }

    private void elements(JsonObject block, String at, int max) {
        JsonArray elements = array(block, "elements");
        atMost(at + ".elements", elements.size(), max);
        for (int i = 0; i < elements.size(); i++) {
            element(elements.get(i).getAsJsonObject(), at + ".elements[" + i + "]");
        }
    }

    private void element(JsonObject element, String at) {
        atMost(at + ".action_id", string(element, "action_id"), ID);
        atMost(at + ".placeholder", text(element, "placeholder"), PLACEHOLDER);
        if (string(element, "type").equals("button")) {
            atMost(at + ".text", text(element, "text"), Limits.BUTTON_TEXT);
            atMost(at + ".value", string(element, "value"), BUTTON_VALUE);
        }
        if (string(element, "type").equals("plain_text_input") && element.has("max_length")) {
            atMost(at + ".max_length", element.get("max_length").getAsInt(), INPUT_LENGTH);
        }
        int options = options(array(element, "options"), at + ".options");
        JsonArray groups = array(element, "option_groups");
        for (int i = 0; i < groups.size(); i++) {
            JsonObject group = groups.get(i).getAsJsonObject();
            atMost(at + ".option_groups[" + i + "].label", text(group, "label"), Limits.OPTION_TEXT);
            options += options(array(group, "options"), at + ".option_groups[" + i + "].options");
        }
        atMost(at + " options in all", options, Limits.OPTIONS);
        if (element.has("initial_option")) {
            option(element.getAsJsonObject("initial_option"), at + ".initial_option");
        }
    }

    private int options(JsonArray options, String at) {
        atMost(at, options.size(), Limits.OPTIONS);
        for (int i = 0; i < options.size(); i++) {
            option(options.get(i).getAsJsonObject(), at + "[" + i + "]");
        }
        return options.size();
    }

    private void option(JsonObject option, String at) {
        atMost(at + ".text", text(option, "text"), Limits.OPTION_TEXT);
        atMost(at + ".value", string(option, "value"), OPTION_VALUE);
        atMost(at + ".description", text(option, "description"), Limits.OPTION_TEXT);
    }

    private void atMost(String what, String value, int max) {
        atMost(what + " length", value.length(), max);
    }

    private void atMost(String what, int value, int max) {
        if (value > max) {
            violations.add(what + " is " + value + ", Slack takes at most " + max);
        }
    }

    /** The text of a text object such as {@code {"type": "plain_text", "text": ...}}, or "" when absent. */
    private static String text(JsonObject parent, String member) {
        JsonElement object = parent.get(member);
        return object != null && object.isJsonObject() ? string(object.getAsJsonObject(), "text") : "";
    }

    private static String string(JsonObject parent, String member) {
        JsonElement value = parent.get(member);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : "";
    }

    private static JsonArray array(JsonObject parent, String member) {
        JsonElement value = parent.get(member);
        return value != null && value.isJsonArray() ? value.getAsJsonArray() : new JsonArray();
    }
}
