package dev.detour.incidents.subscription;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An address someone subscribed with, lower-cased so that one mailbox is one subscriber. Only the plain
 * {@code local@domain.tld} form (no display names, comments, quoted parts or IP literals) within the lengths of
 * RFC 5321: what a web form should take from strangers, and nothing an SMTP header could be built from.
 */
public record EmailAddress(String value) {
    /** RFC 5321's limit for a path, and for its local part. */
    public static final int LONGEST = 254;
    static final int LONGEST_LOCAL = 64;
    private static final Pattern LOCAL = Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN = Pattern.compile(
            "([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

    public EmailAddress {
        Objects.requireNonNull(value, "value");
        Problem problem = problemWith(value).orElse(null);
        if (problem != null) {
            throw new IllegalArgumentException("not a usable email address (" + problem + ")");
        }
    }

    /** What is wrong with an address as typed. */
    public enum Problem {
        EMPTY, TOO_LONG, MALFORMED
    }

    /** The address as typed, trimmed and lower-cased, or what is wrong with it. */
    public static Parsed parse(String typed) {
        String text = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        Optional<Problem> problem = problemWith(text);
        return problem.<Parsed>map(Parsed.Refused::new).orElseGet(() -> new Parsed.Valid(new EmailAddress(text)));
    }

    /** The outcome of {@link #parse}: a refusal is a value. */
    public sealed interface Parsed {
        record Valid(EmailAddress address) implements Parsed {
        }

        record Refused(Problem problem) implements Parsed {
        }
    }

    private static Optional<Problem> problemWith(String text) {
        if (text.isEmpty()) {
            return Optional.of(Problem.EMPTY);
        }
        if (text.length() > LONGEST) {
            return Optional.of(Problem.TOO_LONG);
        }
        int at = text.lastIndexOf('@');
        if (at <= 0 || at > LONGEST_LOCAL || !LOCAL.matcher(text.substring(0, at)).matches()
                || !DOMAIN.matcher(text.substring(at + 1)).matches()) {
            return Optional.of(Problem.MALFORMED);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
