package dev.detour.notifications.flags;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Whether the last change reached one push sink ("which apps obey", docs/api.md).
 *
 * @param type      {@code webhook}, {@code flagd-file} or {@code litellm}
 * @param reached   the last change is there: delivered (webhook), written (flagd file), verified (LiteLLM)
 * @param changeAt  when the last change for this sink was made; empty when there was none yet
 * @param reachedAt when it got there; empty unless {@code reached}
 * @param failed    the last change failed for good (the reason is in {@code error})
 * @param error     what its last attempt said, while it waits or once it failed
 * @param unresolved LiteLLM only: names of its {@code models} map that no deployment carried when last resolved
 */
public record SinkState(String name, String type, boolean reached, Optional<Instant> changeAt,
                        Optional<Instant> reachedAt, boolean failed, Optional<String> error, List<String> unresolved) {
    public SinkState {
        unresolved = List.copyOf(unresolved);
    }

    /** The word for the state: {@code none}, {@code pending}, {@code failed}, or the type's word for reached. */
    public String word() {
        if (changeAt.isEmpty()) {
            return "none";
        }
        if (failed) {
            return "failed";
        }
        if (!reached) {
            return "pending";
        }
        return switch (type) {
            case "webhook" -> "delivered";
            case "flagd-file" -> "written";
            default -> "verified";
        };
    }
}
