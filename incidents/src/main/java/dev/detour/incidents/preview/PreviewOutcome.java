package dev.detour.incidents.preview;

import dev.detour.incidents.incident.Refusal;

import java.util.Objects;

/** A preview, or the refusal the real change would give (unknown targets, no open question, ...). */
public sealed interface PreviewOutcome permits PreviewOutcome.Previewed, PreviewOutcome.Refused {

    record Previewed(Preview preview) implements PreviewOutcome {
        public Previewed {
            Objects.requireNonNull(preview, "preview");
        }
    }

    record Refused(Refusal refusal) implements PreviewOutcome {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
        }
    }
}
