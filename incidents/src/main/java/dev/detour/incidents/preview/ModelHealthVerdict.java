package dev.detour.incidents.preview;

import dev.detour.incidents.catalog.EnumWords;

/** How a model looks from the evidence a preview was given. */
public enum ModelHealthVerdict {
    /** A source says it fails, or its gateway error rate reaches {@code open-error-rate} over enough requests. */
    FAILING,
    /** At least {@code min-requests} in the window, under {@code close-error-rate}, and no source says it fails. */
    HEALTHY,
    /** Too little traffic, or an error rate between the two thresholds: no claim either way. */
    UNKNOWN;

    /** {@code failing}, {@code healthy}, {@code unknown}. */
    public String word() {
        return EnumWords.of(this);
    }
}
