package dev.detour.messages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every message and view, for the seed catalog and for a big one, exactly as its golden file under
 * {@code src/test/resources/golden} says, and inside Block Kit's limits. {@code -Dgolden.update=true} rewrites the
 * files (see the README).
 */
class GoldenMessagesTest {

    static Stream<GoldenCase> cases() {
        return GoldenCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachMessageRendersExactlyAsItsGoldenFile(GoldenCase golden) {
        GoldenFile.assertMatches(golden.name(), SlackJson.pretty(golden.payload().get()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachMessageStaysInsideBlockKitLimits(GoldenCase golden) {
        BlockKitLimits.assertFits(golden.name(), golden.payload().get());
    }

    @Test
    void everyGoldenFileBelongsToAMessageThatIsStillRendered() {
        List<String> rendered = cases().map(GoldenCase::name).toList();
        assertEquals(List.of(), GoldenFile.names().filter(name -> !rendered.contains(name)).sorted().toList(),
                "golden files nothing renders any more");
    }
}
