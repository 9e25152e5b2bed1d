package dev.detour.messages;

import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.incident.TimelineEntry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

class IncidentRootMessageTest {
    private final Scenario seed = Scenario.seed();

    @Test
    void manySignalSourcesEndWithHowManyWereLeftOut() {
        List<TimelineEntry> signals = IntStream.range(0, 200).mapToObj(i -> new TimelineEntry(Scenario.OPENED,
                Actor.signal("s" + i), new TimelineDetail.AsWritten(TimelineEntry.Type.SIGNAL, "s" + i + " reports")))
                .toList();
        SlackMessage root = new IncidentRootMessage(seed.names(), Wording.of("en")).render(seed.acknowledged(), seed.during(), signals);

        String section = SlackJson.of(root).getAsJsonArray("blocks").get(4).getAsJsonObject()
                .getAsJsonObject("text").get("text").getAsString();
        assertTrue(section.startsWith("*Signals seen*\n`s0` ×1"), section);
        assertTrue(section.matches("(?s).* · …and \\d+ more"), section);
        assertTrue(section.length() <= Limits.SECTION_TEXT, section.length() + " characters");
    }
}
