package dev.detour.bot.slack;

import com.slack.api.app_backend.SlackSignature;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Slack's request signing: {@code v0=} + hex HMAC-SHA256 of {@code v0:timestamp:body}. Checked before Bolt sees
 * the request (Bolt checks again) because Bolt accepts timestamps from the future, and a retried event or a
 * replayed request ({@link SlackReplays}) must be recognised only once it is known to come from Slack. A timestamp
 * may be up to 5 minutes old, as Slack documents, and at most {@link #FUTURE_SKEW} ahead: Slack's clock and ours
 * are both kept right, and a request signed for later would stay valid, and replayable, for longer. The
 * comparison is constant-time.
 */
@Singleton
@Requires(property = "slack.signing-secret")
public class SlackSignatureCheck {
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    static final Duration FUTURE_SKEW = Duration.ofMinutes(1);

    private final SlackSignature.Generator generator;
    private final Clock clock;

    public SlackSignatureCheck(@Property(name = "slack.signing-secret") String signingSecret, Clock clock) {
        this.generator = new SlackSignature.Generator(signingSecret);
        this.clock = clock;
    }

    /** @return why the request is refused, or empty when it is Slack's */
    public Optional<String> refusal(String timestamp, String signature, String body) {
        if (timestamp == null || timestamp.isBlank() || signature == null || signature.isBlank()) {
            return Optional.of("the request is not signed");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Optional.of("the request timestamp is not a number");
        }
        long now = clock.instant().getEpochSecond();
        if (seconds < now - TOLERANCE.toSeconds()) {
            return Optional.of("the request timestamp is more than 5 minutes old");
        }
        if (seconds > now + FUTURE_SKEW.toSeconds()) {
            return Optional.of("the request timestamp is more than a minute in the future");
        }
        byte[] expected = generator.generate(timestamp.strip(), body).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.UTF_8))) {
            return Optional.of("the signature does not match");
        }
        return Optional.empty();
    }
}
