package dev.detour.messages;

import dev.detour.incidents.catalog.Target;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Confirm button carries (docs/slack.md, "Confirm first"): the disable that was previewed and the version of
 * the state it was previewed at, with the reason clipped, and the other scope the preview offered. The button's value
 * is this record in one line, made and read only here: {@code version kind:id,kind:id~kind:id,kind:id reason…},
 * within Slack's 2,000-character value limit (ids never hold {@code ~}, {@code ,} or a space).
 *
 * @param alternative the other scope the same preview offered: on Confirm, the narrower one (an empty list when none
 *                    was offered); on Disable only the failing models, the proposed one. Empty for a button of an
 *                    earlier release, which did not say
 */
public record PreviewedDisable(List<Target> targets, String version, Optional<String> reason,
                               Optional<List<Target>> alternative) {
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
        alternative = alternative.map(List::copyOf);
    }

    /** Without a word on the other scope. */
    public PreviewedDisable(List<Target> targets, String version, Optional<String> reason) {
        this(targets, version, reason, Optional.empty());
    }

    /** The button's value; a reason too long for it is clipped. */
    public String value() {
        StringBuilder value = new StringBuilder(version).append(' ');
        value.append(joined(targets));
        alternative.ifPresent(other -> value.append(ALTERNATIVE).append(joined(other)));
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
        int tilde = parts[1].indexOf(ALTERNATIVE);
        Optional<List<Target>> targets = targets(tilde < 0 ? parts[1] : parts[1].substring(0, tilde));
        Optional<List<Target>> alternative = tilde < 0 ? Optional.empty()
                : tilde == parts[1].length() - 1 ? Optional.of(List.of()) : targets(parts[1].substring(tilde + 1));
        if (targets.isEmpty() || targets.get().isEmpty() || tilde >= 0 && alternative.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PreviewedDisable(targets.get(), parts[0],
                parts.length == 3 ? Optional.of(parts[2]) : Optional.empty(), alternative));
    }

    private static final String ALTERNATIVE = "~";

    private static String joined(List<Target> targets) {
        return String.join(",", targets.stream().map(t -> t.kind() + ":" + t.id()).toList());
    }

    private static Optional<List<Target>> targets(String joined) {
        List<Target> targets = new ArrayList<>();
        for (String target : joined.split(",")) {
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
        return Optional.of(targets);
    }
}
