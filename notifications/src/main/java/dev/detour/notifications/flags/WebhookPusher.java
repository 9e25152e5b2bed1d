package dev.detour.notifications.flags;

import dev.detour.incidents.catalog.Sink;
import dev.detour.notifications.http.AnswerTooLargeException;
import dev.detour.notifications.http.BoundedHttp;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * POSTs a flag change to a webhook sink, signed: {@code X-Detour-Timestamp} (epoch seconds) and
 * {@code X-Detour-Signature: sha256=<hex HMAC-SHA256 of "timestamp.body" with the sink's secret>}; the
 * {@code Idempotency-Key} header lets the receiver drop a repeat. Only the answer's status counts: its body is read
 * up to {@link #ANSWER_LIMIT} bytes and dropped, and the whole exchange has {@code detour.flags.webhook-timeout}.
 */
@Singleton
public class WebhookPusher {
    /** A receiver's answer is an acknowledgement; nothing in it is used. */
    static final long ANSWER_LIMIT = 64 * 1024;

    private final Secrets secrets;
    private final Clock clock;
    private final Duration timeout;
    private final BoundedHttp http;

    public WebhookPusher(Secrets secrets, Clock clock,
                         FlagPushSettings settings) {
        this.secrets = secrets;
        this.clock = clock;
        this.timeout = settings.webhookTimeout();
        this.http = new BoundedHttp(HttpClient.newBuilder().connectTimeout(this.timeout).build());
    }

    PushResult push(Sink.Webhook sink, String idempotencyKey, String body) {
        Optional<String> secret = secrets.get(sink.secretEnv());
        if (secret.isEmpty()) {
            return new PushResult.Failed("the environment variable " + sink.secretEnv() + " (the signing secret of"
                    + " sink '" + sink.name() + "') is not set");
        }
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(sink.url()).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("X-Detour-Timestamp", timestamp)
                .header("X-Detour-Signature", "sha256=" + sign(secret.get(), timestamp + "." + body))
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            return answered(http.send(request, ANSWER_LIMIT, timeout).statusCode());
        } catch (AnswerTooLargeException e) {
            return answered(e.statusCode()); // its status said how the push went; the rest was not read
        } catch (IOException e) {
            return new PushResult.Retry(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PushResult.Retry("interrupted");
        }
    }

    private static PushResult answered(int status) {
        if (status / 100 == 2) {
            return new PushResult.Delivered();
        }
        return status == 408 || status == 429 || status >= 500 ? new PushResult.Retry("HTTP " + status)
                : new PushResult.Failed("HTTP " + status);
    }

    public static String sign(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
