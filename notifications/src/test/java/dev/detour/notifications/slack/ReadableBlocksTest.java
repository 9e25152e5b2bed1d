package dev.detour.notifications.slack;

import dev.detour.messages.SlackMessage;
import dev.detour.messages.SlackTime;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Block Kit as a terminal shows it (console mode, the demo). */
class ReadableBlocksTest {
    @Test
    void aSlackDateTokenReadsAsItsUtcFallbackInTheTerminal() {
        Instant at = Instant.parse("2026-06-07T07:12:00Z");
        String text = "Opened " + SlackTime.slack(at, at) + ", seen " + SlackTime.slack(at, at.plusSeconds(86_400))
                + " &lt;b&gt;";
        SlackMessage message = new SlackMessage(text, List.of(section(s -> s.text(markdownText(text)))));

        assertEquals(List.of("Opened 07:12 UTC, seen 2026-06-07 07:12 UTC <b>"),
                ReadableBlocks.lines(SlackPayload.of(message)));
    }
}
