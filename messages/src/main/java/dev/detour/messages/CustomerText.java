package dev.detour.messages;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What customers read of the text on-call wrote for them, decided once, when it is submitted, and stored as it:
 * Slack markup becomes plain words ({@link SlackMarkup#plain}: a mention with a name is that name, a bare
 * {@code <@U…>} is "someone", {@code <!channel>} is the text "@channel", a disguised link shows its address), so
 * the support channel, the public status page, its feed and subscribers all show the same sentence and nothing in
 * it is live anywhere. Detour cannot ask Slack for a display name from the public page, so a mention that Slack
 * did not send with its name is not given one.
 */
public final class CustomerText {
    private CustomerText() {
    }

    /** The exact text customers will read. */
    public static String of(String typed) {
        return SlackMarkup.plain(typed == null ? "" : typed).strip();
    }

    /** A short fingerprint of the text customers read, so a form knows whether its preview is still true. */
    public static String fingerprint(String customersRead) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(customersRead.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
