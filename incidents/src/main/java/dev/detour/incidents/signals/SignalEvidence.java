package dev.detour.incidents.signals;

import dev.detour.incidents.catalog.ProviderId;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * What a signal saw, as data: the numbers or the outside text behind it. {@code messages} puts it into words in
 * the configured language; nothing here is prose and nothing reads text back (docs/signals.md).
 * {@link #data()} is one stable, language-neutral line of it for the audit record and logs.
 */
public sealed interface SignalEvidence {

    /** {@code gateway-errors error-rate=0.30 errors=12 ...}: the kind, then its fields as {@code name=value}. */
    String data();

    /**
     * The gateway's counts over its window.
     *
     * @param errorRate   provider-side and capacity errors over requests, 0..1
     * @param errors      provider-side and capacity errors
     * @param rateLimited of those, capacity errors (429, 529)
     */
    record GatewayNumbers(double errorRate, long errors, long requests, Duration window, long rateLimited,
                          long p95Ms) {
        public GatewayNumbers {
            Objects.requireNonNull(window, "window");
        }

        String data() {
            return String.format(Locale.ROOT, "error-rate=%.2f errors=%d requests=%d window-s=%d rate-limited=%d"
                    + " p95-ms=%d", errorRate, errors, requests, window.toSeconds(), rateLimited, p95Ms);
        }
    }

    /**
     * The gateway finds a model failing.
     *
     * @param flapping it changed its mind more than {@link #FLAP_LIMIT} times in {@link #FLAP_PERIOD}, so it
     *                 stays suspect until a person switches it on or off
     */
    record GatewayErrors(GatewayNumbers numbers, boolean flapping) implements SignalEvidence {
        public static final int FLAP_LIMIT = 3;
        public static final Duration FLAP_PERIOD = Duration.ofMinutes(30);

        public GatewayErrors {
            Objects.requireNonNull(numbers, "numbers");
        }

        @Override
        public String data() {
            return "gateway-errors " + numbers.data() + " flapping=" + flapping;
        }
    }

    /** The gateway finds a model healthy again, after {@code quietFor} under the closing thresholds. */
    record GatewayRecovered(GatewayNumbers numbers, Duration quietFor) implements SignalEvidence {
        public GatewayRecovered {
            Objects.requireNonNull(numbers, "numbers");
            Objects.requireNonNull(quietFor, "quietFor");
        }

        @Override
        public String data() {
            return "gateway-recovered " + numbers.data() + " quiet-for-s=" + quietFor.toSeconds();
        }
    }

    /** Our own credentials refused (401/403) for {@code rate} (0..1) of {@code requests}. */
    record OurSideRefused(double rate, long requests) implements SignalEvidence {
        @Override
        public String data() {
            return String.format(Locale.ROOT, "our-side-refused rate=%.2f requests=%d", rate, requests);
        }
    }

    /** Requests with our credentials are accepted again. */
    record OurSideAccepted() implements SignalEvidence {
        @Override
        public String data() {
            return "our-side-accepted";
        }
    }

    /** A provider's status page says {@code component} is {@code status} (as the page names it: major_outage). */
    record ProviderComponent(ProviderId provider, String component, String status) implements SignalEvidence {
        public ProviderComponent {
            Objects.requireNonNull(provider, "provider");
            component = orEmpty(component);
            status = orEmpty(status);
        }

        @Override
        public String data() {
            return "provider-component provider=" + provider + " component=" + quoted(component) + " status="
                    + quoted(status);
        }
    }

    /** An update of the provider's own status-page incident, in the page's words. */
    record ProviderIncident(String name, String impact, String status, String body) implements SignalEvidence {
        public ProviderIncident {
            name = orEmpty(name);
            impact = orEmpty(impact);
            status = orEmpty(status);
            body = orEmpty(body);
        }

        @Override
        public String data() {
            return "provider-incident name=" + quoted(name) + " impact=" + quoted(impact) + " status="
                    + quoted(status) + " body=" + quoted(body);
        }
    }

    /** An Alertmanager alert: its name and summary, text from outside that stays as it came. */
    record Alert(String name, String summary) implements SignalEvidence {
        public Alert {
            name = orEmpty(name);
            summary = orEmpty(summary);
        }

        @Override
        public String data() {
            return "alert name=" + quoted(name) + " summary=" + quoted(summary);
        }
    }

    /** What a release before typed evidence stored: its one line, shown as it was written. */
    record AsWritten(String text) implements SignalEvidence {
        public AsWritten {
            text = orEmpty(text);
        }

        @Override
        public String data() {
            return "as-written text=" + quoted(text);
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text.strip();
    }

    /** Outside text in a data line: quoted, with quotes and backslashes escaped, so fields stay apart. */
    private static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
