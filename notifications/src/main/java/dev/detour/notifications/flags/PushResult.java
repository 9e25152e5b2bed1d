package dev.detour.notifications.flags;

/** How one push to a sink ended. */
sealed interface PushResult {
    record Delivered() implements PushResult {
    }

    /** Worth trying again later: the sink is down, slow, or asks us to wait. */
    record Retry(String error) implements PushResult {
    }

    /** Will fail the same way again: a 4xx, a missing secret. */
    record Failed(String error) implements PushResult {
    }
}
