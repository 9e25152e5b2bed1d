package dev.detour.incidents.incident;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Work agreed when an incident is resolved: what, who owns it (as typed: a Slack mention or a name), and by when.
 */
public record FollowUp(String what, Optional<String> owner, Optional<LocalDate> due) {
    public FollowUp {
        what = TextLimits.clip(Objects.requireNonNull(what, "what").strip(), TextLimits.TITLE);
        if (what.isEmpty()) {
            throw new IllegalArgumentException("a follow-up says what is to be done");
        }
        owner = owner == null ? Optional.empty()
                : owner.map(String::strip).filter(text -> !text.isEmpty()).map(text -> TextLimits.clip(text, 80));
        due = due == null ? Optional.empty() : due;
    }
}
