package dev.detour.notifications.flags;

import dev.detour.incidents.catalog.Sink;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * POSTs a flag change to a webhook sink, signed: {@code X-Detour-Timestamp} (epoch seconds) and
 * {@code X-Detour-Signature: sha256=<hex HMAC-SHA256 of "timestamp.body" with the sink's secret>}; the
 * {@code Idempotency-Key} header lets the receiver drop a repeat.
 */
@Singleton
public class WebhookPusher {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Secrets secrets;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public WebhookPusher(Secrets secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    PushResult push(Sink.Webhook sink, String idempotencyKey, String body) {
        Optional<String> secret = secrets.get(sink.secretEnv());
        if (secret.isEmpty()) {
            return new PushResult.Failed("the environment variable " + sink.secretEnv() + " (the signing secret of"
                    + " sink '" + sink.name() + "') is not set");
        }
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(sink.url()).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("X-Detour-Timestamp", timestamp)
                .header("X-Detour-Signature", "sha256=" + sign(secret.get(), timestamp + "." + body))
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                return new PushResult.Delivered();
            }
            return status == 408 || status == 429 || status >= 500 ? new PushResult.Retry("HTTP " + status)
                    : new PushResult.Failed("HTTP " + status);
        } catch (IOException e) {
            return new PushResult.Retry(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PushResult.Retry("interrupted");
        }
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
