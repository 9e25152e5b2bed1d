package dev.detour.bot.ofrep;

import dev.detour.incidents.flags.FractionalBucket;
import dev.openfeature.contrib.providers.flagd.resolver.process.targeting.Operator;
import dev.openfeature.sdk.ImmutableContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Detour's bucketing is flagd's: for every share Detour writes, flagd's own {@code fractional} operator (the Java
 * flagd provider's in-process evaluator) puts each of 10,000 keys on the same side (docs/flags.md).
 */
class FlagdBucketAgreementTest {
    private static final String[] FLAGS = {"model.claude-opus-4-8.enabled", "route.meeting-summary"};

    @Test
    void flagdsFractionalAndDetoursBucketAgreeOnEveryKeyAtEveryShare() throws Exception {
        Operator flagd = new Operator();
        int disagreements = 0;
        String first = "none";
        for (int percent : new int[] {1, 5, 10, 25, 33, 50, 75, 90, 99, 100}) {
            String rule = "{\"fractional\":[[\"in\"," + percent + "],[\"out\"," + (100 - percent) + "]]}";
            for (String flag : FLAGS) {
                for (int i = 0; i < 10_000; i++) {
                    String key = "user-" + i;
                    boolean byFlagd = "in".equals(flagd.apply(flag, rule, new ImmutableContext(key)));
                    if (byFlagd != FractionalBucket.isIn(flag, key, percent)) {
                        disagreements++;
                        first = disagreements == 1 ? flag + " " + key + " at " + percent + "%" : first;
                    }
                }
            }
        }
        assertEquals(0, disagreements, "first: " + first);
    }
}
