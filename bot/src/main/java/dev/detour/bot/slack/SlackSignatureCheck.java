package dev.detour.bot.slack;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Slack's request signing: {@code v0=} + hex HMAC-SHA256 of {@code v0:timestamp:body}. Checked here, before Bolt
 * sees the request, because Bolt accepts timestamps from the future, and a retried event or a replayed request
 * ({@link SlackReplays}) must be recognised only once it is known to come from Slack. It is the only check: every
 * HTTP request reaches Bolt through {@link SlackEventsController}, which refuses it first, so Bolt's own is off
 * ({@link SlackAppFactory}). A timestamp may be up to 5 minutes old, as Slack documents, and at most
 * {@link #FUTURE_SKEW} ahead: Slack's clock and ours are both kept right, and a request signed for later would stay
 * valid, and replayable, for longer. The comparison is constant-time.
 * <p>
 * The HMAC is computed here rather than with the Slack SDK's {@code SlackSignature.Generator}, which builds a new
 * {@link Mac} and key per call and formats the hex one byte at a time: profiled under bench/limit.sh's flood of
 * slash commands, that was a quarter of an acknowledgement's CPU. The SDK stays the reference in the tests.
 */
@Singleton
@Requires(property = "slack.signing-secret")
public class SlackSignatureCheck {
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    static final Duration FUTURE_SKEW = Duration.ofMinutes(1);
    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] VERSION = "v0:".getBytes(StandardCharsets.US_ASCII);
    private static final HexFormat HEX = HexFormat.of();

    private final Clock clock;
    private final SecretKeySpec key;
    /** Initialised with the secret once; each thread gets a clone, since a Mac holds state between calls. */
    private final Mac prototype;
    private final ThreadLocal<Mac> macs;

    public SlackSignatureCheck(@Property(name = "slack.signing-secret") String signingSecret, Clock clock) {
        this.clock = clock;
        try {
            // The SDK refuses a blank secret too: with one, anyone could sign.
            if (signingSecret == null || signingSecret.isBlank()) {
                throw new IllegalArgumentException("slack.signing-secret is blank");
            }
            this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
            this.prototype = Mac.getInstance(ALGORITHM);
            prototype.init(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
        this.macs = ThreadLocal.withInitial(this::copyOfPrototype);
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
        byte[] expected = signature(timestamp.strip(), body).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.UTF_8))) {
            return Optional.of("the signature does not match");
        }
        return Optional.empty();
    }

    /** {@code v0=} + lower-case hex HMAC-SHA256 of {@code v0:timestamp:body}, the body as the UTF-8 Slack sent. */
    String signature(String timestamp, String body) {
        // Encoded before the first update: nothing can fail between update and doFinal (which resets the Mac),
        // so a thread's Mac never keeps half a message for its next request.
        byte[] time = timestamp.getBytes(StandardCharsets.UTF_8);
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        Mac mac = macs.get();
        mac.update(VERSION);
        mac.update(time);
        mac.update((byte) ':');
        return "v0=" + HEX.formatHex(mac.doFinal(content));
    }

    private Mac copyOfPrototype() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            // Every JDK's own HMAC can be cloned; a provider's that cannot is initialised afresh, once per thread.
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }
}
