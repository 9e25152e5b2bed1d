package dev.detour.bot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detour.incidents.testing.Await;
import dev.detour.notifications.testing.FakeSlack;

import java.time.Duration;

/** Reads one channel of the fake Slack as people see it: thread replies as they read now, and their edits. */
record ChannelThreads(FakeSlack slack, String channel, Duration patience) {

    /** The one reply in a thread of the channel, as it reads now, whose blocks hold {@code what}. */
    JsonNode replyWith(String what) {
        return Await.await(() -> slack.messagesNow(channel).stream().filter(ChannelThreads::isReply)
                        .filter(message -> message.path("blocks").toString().contains(what)).toList(),
                found -> found.size() == 1, patience, "one message with " + what).get(0);
    }

    JsonNode message(String ts) {
        return slack.messagesNow(channel).stream().filter(m -> m.path("ts").asText().equals(ts)).findFirst()
                .orElseThrow();
    }

    /** The message {@code ts} once an edit of it says {@code text}. */
    JsonNode awaitEdited(String ts, String text) {
        slack.awaitCall("chat.update", call -> ts.equals(call.param("ts")) && call.param("text").contains(text),
                patience);
        return message(ts);
    }

    static boolean isReply(JsonNode message) {
        return message.has("thread_ts") && !message.path("thread_ts").asText().equals(message.path("ts").asText());
    }

    static boolean hasButtons(JsonNode message) {
        for (JsonNode block : message.path("blocks")) {
            if (block.path("type").asText().equals("actions")) {
                return true;
            }
        }
        return false;
    }
}
