package dev.detour.incidents.flags;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bucketing as flagd's {@code fractional} does it (docs/flags.md, "While a target ramps"). */
class FractionalBucketTest {

    /** MurmurHash3 x86 32-bit, seed 0: the reference algorithm's published values (and commons-codec's). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|0x00000000",
            "a|0x3c2569b2",
            "ab|0x9bbfd75f",
            "abc|0xb3dd93fa",
            "test|0xba6bd213",
            "hello|0x248bfa47",
            "'Hello, world!'|0xc0363e43",
            "The quick brown fox jumps over the lazy dog|0x2e4ff723",
            "ü€|0x09c2b2fe"})
    void murmur3MatchesTheReferenceValues(String input, String expected) {
        assertEquals(Integer.parseUnsignedInt(expected.substring(2), 16),
                FractionalBucket.murmur3(input.getBytes(StandardCharsets.UTF_8), 0));
    }

    /**
     * flagd's fractional vectors: flag {@code headerColor} split in quarters red / blue / green / yellow; the
     * bucket is taken over the flag key followed by the key, as flagd does for a targeting key.
     */
    @ParameterizedTest
    @CsvSource({"joey@faas.com,red", "monica@faas.com,blue", "rachel@faas.com,yellow"})
    void flagdsQuartersPutEachKeyInItsColour(String key, String colour) {
        String[] colours = {"red", "blue", "green", "yellow"};
        int quarter = 0;
        while (!FractionalBucket.isIn("headerColor", key, 25 * (quarter + 1))) {
            quarter++;
        }
        assertEquals(colour, colours[quarter]);
    }

    @Test
    void theBucketIsFlagdsFloatArithmetic() {
        assertEquals(14.416064f, FractionalBucket.bucket("headerColorjoey@faas.com"));
        assertEquals(84.08137f, FractionalBucket.bucket("headerColorrachel@faas.com"));
    }

    @Test
    void aKeyInAtOneShareIsInAtEveryLargerOne() {
        for (int i = 0; i < 2_000; i++) {
            String key = "user-" + i;
            boolean wasIn = false;
            for (int percent = 0; percent <= 100; percent++) {
                boolean in = FractionalBucket.isIn("model.claude-opus-4-8.enabled", key, percent);
                assertTrue(in || !wasIn, key + " left the share at " + percent + "%");
                wasIn = in;
            }
        }
    }

    @Test
    void theShareFollowsThePercentageAndDependsOnTheFlag() {
        int in = 0;
        int differ = 0;
        for (int i = 0; i < 10_000; i++) {
            String key = "user-" + i;
            boolean model = FractionalBucket.isIn("model.claude-opus-4-8.enabled", key, 30);
            in += model ? 1 : 0;
            differ += model != FractionalBucket.isIn("provider.anthropic.enabled", key, 30) ? 1 : 0;
        }
        assertTrue(Math.abs(in - 3_000) < 200, in + " of 10,000 in at 30%");
        assertTrue(differ > 1_000, "each flag buckets keys its own way");
        assertFalse(FractionalBucket.isIn("model.claude-opus-4-8.enabled", "user-1", 0));
    }
}
