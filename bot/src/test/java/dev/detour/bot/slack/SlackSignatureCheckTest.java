package dev.detour.bot.slack;

import com.slack.api.app_backend.SlackSignature;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Detour signs as the Slack SDK does (the SDK is the reference), and refuses what it refused before. */
class SlackSignatureCheckTest {
    private static final String SECRET = SignedSlack.SIGNING_SECRET;
    private static final long NOW = 1_781_000_000L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);

    private final SlackSignatureCheck check = new SlackSignatureCheck(SECRET, CLOCK);
    private final SlackSignature.Generator sdk = new SlackSignature.Generator(SECRET);

    @Test
    void slacksDocumentedExampleIsAccepted() {
        // The example request of Slack's "Verifying requests from Slack" page, with its secret and signature.
        String timestamp = "1531420618";
        String body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
                + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGl"
                + "gcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        String signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
        SlackSignatureCheck then = new SlackSignatureCheck("8f742231b10e8888abcd99yyyzzz85a5",
                Clock.fixed(Instant.ofEpochSecond(1531420618L + 10), ZoneOffset.UTC));

        assertEquals(signature, then.signature(timestamp, body));
        assertEquals(Optional.empty(), then.refusal(timestamp, signature, body));
        assertEquals(signature, new SlackSignature.Generator("8f742231b10e8888abcd99yyyzzz85a5")
                .generate(timestamp, body), "the SDK agrees with Slack's example");
    }

    @Test
    void signsAsTheSdkDoesForManyBodiesIncludingNonAscii() {
        // The SDK encodes with the platform charset; the build runs tests with UTF-8, as Detour runs (Dockerfile).
        assertEquals(StandardCharsets.UTF_8, Charset.defaultCharset());
        Random random = new Random(21);
        String[] pieces = {"command=%2Fdetour", "&text=", "status", "é", "ß", "→", "中文", "😀", "\u0000", "\n",
                "{\"type\":\"event_callback\"}", "+", "%", "=", "&", " ", "\"", "\\", "Δ"};
        for (int i = 0; i < 2_000; i++) {
            StringBuilder body = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                body.append(random.nextBoolean() ? pieces[random.nextInt(pieces.length)]
                        : Character.toString(random.nextInt(0x20, 0x2FFF)));
            }
            String timestamp = Long.toString(NOW - random.nextInt(300));
            String expected = sdk.generate(timestamp, body.toString());
            assertEquals(expected, check.signature(timestamp, body.toString()), body::toString);
            assertEquals(Optional.empty(), check.refusal(timestamp, expected, body.toString()), body::toString);
        }
        assertEquals(sdk.generate(Long.toString(NOW), ""), check.signature(Long.toString(NOW), ""));
    }

    @Test
    void theSameCheckIsRightOnManyThreadsAtOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String body = "text=status+" + i + "&user_id=U" + i;
                String timestamp = Long.toString(NOW - i % 200);
                String signature = sdk.generate(timestamp, body);
                tasks.add(() -> check.refusal(timestamp, signature, body).isEmpty()
                        && check.refusal(timestamp, signature, body + "x").isPresent());
            }
            for (Future<Boolean> result : threads.invokeAll(tasks)) {
                assertTrue(result.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void refusesWhatIsNotSlacksAndSaysWhy() {
        String body = "command=%2Fdetour&text=status";
        String ts = Long.toString(NOW);
        String good = sdk.generate(ts, body);

        assertEquals(Optional.empty(), check.refusal(ts, good, body));
        assertEquals(Optional.empty(), check.refusal(" " + ts + " ", " " + good + " ", body), "as before: stripped");
        assertEquals(Optional.of("the request is not signed"), check.refusal(null, good, body));
        assertEquals(Optional.of("the request is not signed"), check.refusal(ts, null, body));
        assertEquals(Optional.of("the request is not signed"), check.refusal(" ", good, body));
        assertEquals(Optional.of("the request is not signed"), check.refusal(ts, "", body));
        assertEquals(Optional.of("the request timestamp is not a number"), check.refusal("soon", good, body));
        String old = Long.toString(NOW - 5 * 60 - 1);
        assertEquals(Optional.of("the request timestamp is more than 5 minutes old"),
                check.refusal(old, sdk.generate(old, body), body));
        String edge = Long.toString(NOW - 5 * 60);
        assertEquals(Optional.empty(), check.refusal(edge, sdk.generate(edge, body), body));
        String future = Long.toString(NOW + 61);
        assertEquals(Optional.of("the request timestamp is more than a minute in the future"),
                check.refusal(future, sdk.generate(future, body), body));
        String soon = Long.toString(NOW + 60);
        assertEquals(Optional.empty(), check.refusal(soon, sdk.generate(soon, body), body));
        String mismatch = "the signature does not match";
        assertEquals(Optional.of(mismatch), check.refusal(ts, good, body + " "));
        assertEquals(Optional.of(mismatch), check.refusal(Long.toString(NOW - 1), good, body), "another timestamp");
        assertEquals(Optional.of(mismatch), check.refusal(ts, good.toUpperCase(), body), "hex is lower-case");
        assertEquals(Optional.of(mismatch), check.refusal(ts, good.substring(3), body), "without v0=");
        assertEquals(Optional.of(mismatch), check.refusal(ts, good.substring(0, good.length() - 1), body));
        assertEquals(Optional.of(mismatch), check.refusal(ts, good + "0", body));
        assertEquals(Optional.of(mismatch), check.refusal(ts, "v1=" + good.substring(3), body));
        assertEquals(Optional.of(mismatch), check.refusal(ts,
                new SlackSignature.Generator("another-secret").generate(ts, body), body));
    }

    @Test
    void aBlankSecretIsRefusedAtStartAsTheSdkRefusedIt() {
        assertThrows(IllegalArgumentException.class, () -> new SlackSignatureCheck(" ", CLOCK));
    }
}
