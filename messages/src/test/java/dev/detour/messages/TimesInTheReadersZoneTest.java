package dev.detour.messages;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every time Detour writes in a Slack message or view is a Slack date token ({@link SlackTime}), so each reader
 * sees it in their own zone: no bare {@code 07:14 UTC} and no ISO time anywhere in the blocks. Only the
 * notification {@code text} at the top of a message, which Slack shows as it is, says UTC.
 */
class TimesInTheReadersZoneTest {
    /** Detour's own times in Slack's date format: a number, a format, and a UTC fallback. */
    private static final Pattern SLACK_DATE = Pattern.compile("<!date\\^\\d+\\^\\{[a-z_]+}(?: \\{time})?\\|[0-9: -]+UTC>");
    /** A time as a clock in UTC, or an ISO timestamp. */
    private static final Pattern BARE_TIME = Pattern.compile("\\d{1,2}:\\d{2}(?::\\d{2})? ?UTC"
            + "|\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}");

    static Stream<GoldenCase> slackMessages() {
        return GoldenCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("slackMessages")
    void noSlackMessageShowsATimeOutsideASlackDateToken(GoldenCase golden) {
        JsonObject payload = golden.payload().get();
        List<String> bare = new ArrayList<>();
        for (Map.Entry<String, JsonElement> field : payload.entrySet()) {
            if (!field.getKey().equals("text")) { // the notification text is plain: UTC there
                strings(field.getValue(), field.getKey(), bare);
            }
        }
        assertEquals(List.of(), bare, golden.name() + " shows a time not in the reader's zone");
    }

    private static void strings(JsonElement json, String path, List<String> bare) {
        if (json.isJsonPrimitive() && json.getAsJsonPrimitive().isString()) {
            String text = SLACK_DATE.matcher(json.getAsString()).replaceAll("");
            var time = BARE_TIME.matcher(text);
            while (time.find()) {
                bare.add(path + ": " + time.group());
            }
        } else if (json.isJsonArray()) {
            for (int i = 0; i < json.getAsJsonArray().size(); i++) {
                strings(json.getAsJsonArray().get(i), path + "[" + i + "]", bare);
            }
        } else if (json.isJsonObject()) {
            json.getAsJsonObject().entrySet().forEach(entry -> strings(entry.getValue(), path + "." + entry.getKey(),
                    bare));
        }
    }
}
