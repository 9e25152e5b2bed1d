package dev.detour.messages;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;

/** Messages and views as the JSON Slack receives: the SDK's own snake_case serialisation. */
final class SlackJson {
    private static final Gson SLACK = GsonFactory.createSnakeCase();
    /** Only for reading golden files: unescaped {@code <>&'=} and one field per line, so diffs say what changed. */
    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private SlackJson() {
    }

    /** {@code {"text": ..., "blocks": [...]}}, what {@code chat.postMessage} is sent. */
    static JsonObject of(SlackMessage message) {
        JsonObject json = new JsonObject();
        json.addProperty("text", message.text());
        json.add("blocks", SLACK.toJsonTree(message.blocks()));
        return json;
    }

    /** What {@code views.open} and {@code views.publish} are sent. */
    static JsonObject of(View view) {
        return SLACK.toJsonTree(view).getAsJsonObject();
    }

    static String pretty(JsonElement json) {
        return PRETTY.toJson(json) + "\n";
    }
}
