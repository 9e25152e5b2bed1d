package dev.detour.incidents.preview;

import dev.detour.incidents.catalog.ModelId;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Detour knows about one model's health when a change is previewed.
 *
 * @param gateway the gateway's numbers over its detection window; empty when no gateway reports the model
 * @param firing  the sources that currently say the model fails ({@code gateway}, {@code alertmanager},
 *                {@code statuspage:anthropic}), in a stable order; empty when none does
 */
public record ModelEvidence(ModelId model, Optional<Traffic> gateway, List<String> firing) {
    public ModelEvidence {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(gateway, "gateway");
        firing = List.copyOf(firing);
    }

    /** Nothing known about the model. */
    public static ModelEvidence none(ModelId model) {
        return new ModelEvidence(model, Optional.empty(), List.of());
    }

    /** Requests and failed requests (provider failures and capacity errors) over the last {@code window}. */
    public record Traffic(long requests, long errors, Duration window) {
        public Traffic {
            Objects.requireNonNull(window, "window");
            if (requests < 0 || errors < 0 || errors > requests) {
                throw new IllegalArgumentException("0 <= errors <= requests");
            }
        }

        /** Errors over requests; 0 without requests. */
        public double errorRate() {
            return requests == 0 ? 0 : (double) errors / requests;
        }
    }
}
