package dev.detour.messages;

import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.signals.SignalEvidence;

import java.util.Locale;
import java.util.function.Function;

/**
 * What a signal saw, in words: {@code error rate 30% (12 of 40 requests in 60s; 0 rate-limited), p95 2559 ms}.
 * Numbers come from the evidence, words from the bundle; outside text (an alert's summary, a status page's
 * incident) and lines written by earlier releases are shown as they came.
 */
public final class SignalEvidenceText {
    private final Wording words;
    private final Function<ProviderId, String> providerName;

    /** @param providerName a provider's display name, or its id where a plain line shows ids */
    public SignalEvidenceText(Wording words, Function<ProviderId, String> providerName) {
        this.words = words;
        this.providerName = providerName;
    }

    public String of(SignalEvidence evidence) {
        if (evidence instanceof SignalEvidence.GatewayErrors errors) {
            String numbers = numbers(errors.numbers());
            return errors.flapping() ? words.get(WordKey.EVIDENCE_GATEWAY_FLAPPING, numbers,
                    String.valueOf(SignalEvidence.GatewayErrors.FLAP_LIMIT),
                    String.valueOf(SignalEvidence.GatewayErrors.FLAP_PERIOD.toMinutes())) : numbers;
        }
        if (evidence instanceof SignalEvidence.GatewayRecovered recovered) {
            return words.get(WordKey.EVIDENCE_GATEWAY_RECOVERED, numbers(recovered.numbers()),
                    String.valueOf(recovered.quietFor().toMinutes()));
        }
        if (evidence instanceof SignalEvidence.OurSideRefused refused) {
            return words.get(WordKey.EVIDENCE_OUR_SIDE_REFUSED, percent(refused.rate()),
                    String.valueOf(refused.requests()));
        }
        if (evidence instanceof SignalEvidence.OurSideAccepted) {
            return words.get(WordKey.EVIDENCE_OUR_SIDE_ACCEPTED);
        }
        if (evidence instanceof SignalEvidence.ProviderComponent component) {
            return words.get(WordKey.EVIDENCE_PROVIDER_COMPONENT, providerName.apply(component.provider()),
                    component.component(), componentStatus(component.status()));
        }
        if (evidence instanceof SignalEvidence.ProviderIncident page) {
            return page.body().isEmpty()
                    ? words.get(WordKey.TIMELINE_PLAIN_STATUS_PAGE, page.name(), page.impact(), page.status())
                    : words.get(WordKey.TIMELINE_PLAIN_STATUS_PAGE_BODY, page.name(), page.impact(), page.status(),
                    page.body());
        }
        if (evidence instanceof SignalEvidence.Alert alert) {
            return words.get(WordKey.EVIDENCE_ALERT, alert.name(), alert.summary());
        }
        return ((SignalEvidence.AsWritten) evidence).text();
    }

    private String numbers(SignalEvidence.GatewayNumbers numbers) {
        // Digits as strings: MessageFormat would group thousands, which the numbers never were.
        return words.get(WordKey.EVIDENCE_GATEWAY_ERRORS, percent(numbers.errorRate()),
                String.valueOf(numbers.errors()), String.valueOf(numbers.requests()),
                String.valueOf(numbers.window().toSeconds()), String.valueOf(numbers.rateLimited()),
                String.valueOf(numbers.p95Ms()));
    }

    /** A status page's component status in words; one Detour does not know is shown as the page names it. */
    private String componentStatus(String status) {
        return switch (status) {
            case "operational" -> words.get(WordKey.COMPONENT_OPERATIONAL);
            case "degraded_performance" -> words.get(WordKey.COMPONENT_DEGRADED_PERFORMANCE);
            case "under_maintenance" -> words.get(WordKey.COMPONENT_UNDER_MAINTENANCE);
            case "partial_outage" -> words.get(WordKey.COMPONENT_PARTIAL_OUTAGE);
            case "major_outage" -> words.get(WordKey.COMPONENT_MAJOR_OUTAGE);
            default -> status.replace('_', ' ');
        };
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.0f", 100 * rate);
    }
}
