package dev.detour.incidents.subscription;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The secret in a confirm or unsubscribe link: 32 random bytes, URL-safe. Only its {@link #hash()} is stored, so a
 * copy of the database sends nobody's links; the raw token exists in the email alone.
 */
public record LinkToken(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    public LinkToken {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a link token");
        }
    }

    /** Whether {@code text} has a token's shape: anything else is refused before the database is asked. */
    public static boolean looksLikeOne(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }

    public static LinkToken random(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return new LinkToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** SHA-256, 64 hex characters: what is stored and looked up. */
    public String hash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "LinkToken[***]"; // never in a log
    }
}
