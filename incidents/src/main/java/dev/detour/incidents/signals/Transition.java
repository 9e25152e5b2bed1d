package dev.detour.incidents.signals;

import dev.detour.incidents.catalog.ProviderId;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a signal says changed, as the database compares it: the {@code subject} a source judges and its new
 * {@code state}. Sources that report states (the gateway's judgement of a model, a status-page component) give
 * one, so that one change is announced once across replicas and a state already announced is not announced again.
 *
 * @param subject e.g. {@code gateway|provider|model:gpt-5}, {@code statuspage:anthropic|Claude API}
 * @param state   e.g. {@code failing}, {@code healthy}, {@code major_outage}
 */
public record Transition(String subject, String state) {

    public Transition {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(state, "state");
    }

    /**
     * The gateway's judgement of a model: failing or healthy, on the provider's side (errors, rate limits,
     * latency) or on ours (credentials refused), which are judged apart. The numbers and the severity are left
     * out: two replicas judging the same shared counts a moment apart see slightly different numbers.
     */
    public static Transition of(Signal gatewaySignal) {
        String aspect = gatewaySignal.side() == Signal.Side.OUR_SIDE ? "our-side" : "provider";
        String targets = gatewaySignal.targets().stream().map(target -> target.kind() + ":" + target.id())
                .collect(Collectors.joining(","));
        return new Transition(gatewaySignal.source() + "|" + aspect + "|" + targets,
                gatewaySignal.firing() ? "failing" : "healthy");
    }

    /** A status-page component's status, as the page names it ({@code major_outage}), from a poll or a webhook. */
    public static Transition statusPage(ProviderId provider, String component, String status) {
        return new Transition(Signal.STATUSPAGE_PREFIX + provider + "|" + component,
                status.toLowerCase(Locale.ROOT));
    }
}
