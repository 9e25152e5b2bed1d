package dev.detour.incidents.preview;

import dev.detour.incidents.catalog.ModelId;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A model a disable would switch off (itself or through its provider), with the evidence about its health. */
public record SwitchedOffModel(ModelId model, ModelHealthVerdict health, Optional<ModelEvidence.Traffic> gateway,
                               List<String> firing) {
    public SwitchedOffModel {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(gateway, "gateway");
        firing = List.copyOf(firing);
    }
}
