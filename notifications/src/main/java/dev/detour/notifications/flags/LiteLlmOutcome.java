package dev.detour.notifications.flags;

import dev.detour.incidents.catalog.ModelId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How one push to a LiteLLM sink ended ({@link #result}) and what the incident thread is told about it, if
 * anything. Each note is told once per change however often the row is tried.
 */
record LiteLlmOutcome(PushResult result, Optional<Note> note) {

    sealed interface Note {
        /** One line per model: its deployments now read back from /model/info as wanted. */
        record Verified(List<ModelCount> models, Instant at) implements Note {
        }

        /** The proxy cannot be reached or answers 5xx: retried with backoff. */
        record Down(String error) implements Note {
        }

        /** A permanent refusal (config-based deployment, key not a proxy admin, missing secret, unknown name). */
        record Refused(String error) implements Note {
        }

        /** The proxy took the change but /model/info never showed it within the verification time. */
        record NotVerified(String error) implements Note {
        }
    }

    /**
     * @param ramp      while the model ramps back: the ramp's share in percent at this change
     * @param unblockAt the sink's {@code unblock-at}: the share at which a ramping model is unblocked
     */
    record ModelCount(ModelId model, int deployments, boolean blocked, Optional<Integer> ramp, int unblockAt) {
        /** Not ramping. */
        ModelCount(ModelId model, int deployments, boolean blocked) {
            this(model, deployments, blocked, Optional.empty(), 100);
        }
    }

    static LiteLlmOutcome verified(List<ModelCount> models, Instant at) {
        return new LiteLlmOutcome(new PushResult.Delivered(), Optional.of(new Note.Verified(models, at)));
    }

    static LiteLlmOutcome down(String error) {
        return new LiteLlmOutcome(new PushResult.Retry(error), Optional.of(new Note.Down(error)));
    }

    static LiteLlmOutcome refused(String error) {
        return new LiteLlmOutcome(new PushResult.Failed(error), Optional.of(new Note.Refused(error)));
    }

    static LiteLlmOutcome notYet(String error) {
        return new LiteLlmOutcome(new PushResult.Retry(error), Optional.empty());
    }

    static LiteLlmOutcome notVerified(String error) {
        return new LiteLlmOutcome(new PushResult.Failed(error), Optional.of(new Note.NotVerified(error)));
    }
}
