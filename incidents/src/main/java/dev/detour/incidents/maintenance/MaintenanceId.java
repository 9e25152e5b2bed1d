package dev.detour.incidents.maintenance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A maintenance window's id, as people type it in {@code /detour maintenance cancel M-3f9a1c}. A window from a
 * status page has an id derived from the page's own id for it, so every replica and every poll name it alike.
 */
public record MaintenanceId(String value) {
    private static final Pattern FORM = Pattern.compile("M-[0-9a-f]{6,12}");

    public MaintenanceId {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a maintenance id: " + value);
        }
    }

    /** An id as typed, in any case ({@code m-3F9A1C}); empty for anything that is not one. */
    public static java.util.Optional<MaintenanceId> parse(String typed) {
        if (typed == null) {
            return java.util.Optional.empty();
        }
        String value = typed.strip();
        if (value.length() > 2) {
            value = value.substring(0, 2).toUpperCase(Locale.ROOT) + value.substring(2).toLowerCase(Locale.ROOT);
        }
        return FORM.matcher(value).matches() ? java.util.Optional.of(new MaintenanceId(value))
                : java.util.Optional.empty();
    }

    /** A new id for a window scheduled by hand. */
    public static MaintenanceId random() {
        return new MaintenanceId("M-" + UUID.randomUUID().toString().replace("-", "").substring(0, 8));
    }

    /** The id of a status page's maintenance: the same for every poll, webhook and replica. */
    public static MaintenanceId fromStatusPage(String provider, String pageId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((provider + "\n" + pageId).getBytes(StandardCharsets.UTF_8));
            return new MaintenanceId("M-" + HexFormat.of().formatHex(digest).substring(0, 10));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
