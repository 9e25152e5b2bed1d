package dev.detour.incidents.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A kind of work downstream apps send to models, with its ordered route and failover mode.
 *
 * @param consentTimeout how long a fallback question stays open (failover {@code consent} only)
 * @param onTimeout      the answer taken when nobody answers in time
 */
public record TaskClass(TaskClassId id, String name, List<ModelId> route, FailoverMode failover,
                        Duration consentTimeout, ConsentAnswer onTimeout) {
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
    }

    public ModelId primary() {
        return route.get(0);
    }
}
