package dev.detour.bot.slack;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.slack.api.Slack;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.WebhookResponse;
import dev.detour.messages.SlackMessage;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Answers to a command or button press through its {@code response_url}, seen only by the person who asked.
 * Bolt's {@code respond()} builds a new Gson for every answer, which was a third of Detour's CPU under a burst
 * of slash commands; this serializes with one Gson and sends through the Slack SDK's client.
 */
@Singleton
public class EphemeralAnswers {
    private final Slack slack;
    private final Gson json = GsonFactory.createSnakeCase();

    public EphemeralAnswers(Slack slack) {
        this.slack = slack;
    }

    /** @param replaceOriginal true: the answer takes the place of the message whose button was pressed */
    public WebhookResponse send(String responseUrl, SlackMessage message, boolean replaceOriginal)
            throws IOException {
        JsonObject body = new JsonObject();
        body.addProperty("response_type", "ephemeral");
        body.addProperty("replace_original", replaceOriginal);
        body.addProperty("text", message.text());
        body.add("blocks", json.toJsonTree(message.blocks()));
        return slack.send(responseUrl, json.toJson(body));
    }
}
