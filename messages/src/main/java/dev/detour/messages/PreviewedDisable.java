package dev.detour.messages;

import dev.detour.incidents.catalog.Target;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Confirm button carries (docs/slack.md, "Confirm first"): the disable that was previewed and the version of
 * the state it was previewed at, with the reason clipped. The button's value is this record in one line, made and
 * read only here: {@code version kind:id,kind:id reason…}, within Slack's 2,000-character value limit.
 */
public record PreviewedDisable(List<Target> targets, String version, Optional<String> reason) {
    /** Slack's limit for a button's value, with room to spare. */
    static final int VALUE_LIMIT = 1_900;

    public PreviewedDisable {
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a previewed disable needs a target");
        }
        Objects.requireNonNull(version, "version");
        if (version.isBlank() || version.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a version is one word: " + version);
        }
        reason = reason.map(String::strip).filter(text -> !text.isEmpty());
    }

    /** The button's value; a reason too long for it is clipped. */
    public String value() {
        StringBuilder value = new StringBuilder(version).append(' ');
        value.append(String.join(",", targets.stream().map(t -> t.kind() + ":" + t.id()).toList()));
        reason.ifPresent(text -> value.append(' ').append(Limits.clip(text, Math.max(0, VALUE_LIMIT - value.length()))));
        return value.toString();
    }

    /** A button's value read back; empty for anything this class did not write (an older version's button, say). */
    public static Optional<PreviewedDisable> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.strip().split(" ", 3);
        if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return Optional.empty();
        }
        List<Target> targets = new ArrayList<>();
        for (String target : parts[1].split(",")) {
            int colon = target.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            try {
                targets.add(Target.of(target.substring(0, colon), target.substring(colon + 1)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new PreviewedDisable(targets, parts[0],
                parts.length == 3 ? Optional.of(parts[2]) : Optional.empty()));
    }
}
