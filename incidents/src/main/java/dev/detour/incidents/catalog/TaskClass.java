package dev.detour.incidents.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A kind of work downstream apps send to models, with its ordered route and failover mode.
 *
 * @param consentTimeout how long a fallback question stays open (failover {@code consent} only)
 * @param onTimeout      the answer taken when nobody answers in time
 * @param customerImpact what customers see while it is off its usual model (config {@code customer-impact})
 * @param fallbackNote   what customers can do meanwhile (config {@code fallback-note})
 */
public record TaskClass(TaskClassId id, String name, List<ModelId> route, FailoverMode failover,
                        Duration consentTimeout, ConsentAnswer onTimeout, Optional<String> customerImpact,
                        Optional<String> fallbackNote) {
    public static final Duration DEFAULT_CONSENT_TIMEOUT = Duration.ofMinutes(15);

    public TaskClass {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(failover, "failover");
        name = name == null || name.isBlank() ? id.value() : name;
        route = List.copyOf(route);
        if (route.isEmpty()) {
            throw new IllegalArgumentException("task class " + id + " has no models in its route");
        }
        consentTimeout = consentTimeout == null ? DEFAULT_CONSENT_TIMEOUT : consentTimeout;
        onTimeout = onTimeout == null ? ConsentAnswer.DENY : onTimeout;
        customerImpact = customerImpact == null ? Optional.empty() : customerImpact;
        fallbackNote = fallbackNote == null ? Optional.empty() : fallbackNote;
    }

    /** A task class with nothing configured for customers. */
    public TaskClass(TaskClassId id, String name, List<ModelId> route, FailoverMode failover,
                     Duration consentTimeout, ConsentAnswer onTimeout) {
        this(id, name, route, failover, consentTimeout, onTimeout, Optional.empty(), Optional.empty());
    }

    public ModelId primary() {
        return route.get(0);
    }
}
