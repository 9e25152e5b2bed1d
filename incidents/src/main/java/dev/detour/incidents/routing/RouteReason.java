package dev.detour.incidents.routing;

import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.ModelId;

import java.util.Objects;

/**
 * Why routes were planned again, as data: the trigger's own words or a typed cause with its arguments.
 * {@code messages} puts it into words; {@link #data()} is its stable, language-neutral line for the audit trail.
 */
public sealed interface RouteReason {

    /** {@code reason="529s"}, {@code consent-answered answer=deny offered=gpt-5}, {@code configuration-loaded}. */
    String data();

    /** What a person wrote as their reason (for switching a target, for an override), as they wrote it. */
    record InWords(String text) implements RouteReason {
        public InWords {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String data() {
            return "reason=\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
    }

    /** Someone (or the timeout) answered the fallback question about moving to {@code offered}. */
    record ConsentAnswered(ConsentAnswer answer, ModelId offered) implements RouteReason {
        public ConsentAnswered {
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(offered, "offered");
        }

        @Override
        public String data() {
            return "consent-answered answer=" + answer.word() + " offered=" + offered;
        }
    }

    /**
     * A provider's {@code pre-route} switched targets off for planned maintenance (docs/maintenance.md): a kind of
     * change of its own, not an outage.
     *
     * @param window the maintenance window's id, as people type it
     * @param until  when the window ends
     */
    record PlannedMaintenance(String window, java.time.Instant until) implements RouteReason {
        public PlannedMaintenance {
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(until, "until");
        }

        @Override
        public String data() {
            return "planned-maintenance window=" + window + " until=" + until;
        }
    }

    /** The service started and planned every route from the configuration. */
    record ConfigurationLoaded() implements RouteReason {
        @Override
        public String data() {
            return "configuration-loaded";
        }
    }
}
