package dev.detour.incidents.maintenance;

import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.incident.Actor;

import java.util.Objects;

/** Where Detour learnt of a maintenance window: a provider's status page, or a person. */
public sealed interface MaintenanceSource {

    /** @param pageId the status page's own id for the maintenance */
    record StatusPage(ProviderId provider, String pageId) implements MaintenanceSource {
        public StatusPage {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(pageId, "pageId");
        }
    }

    record ByHand(Actor by) implements MaintenanceSource {
        public ByHand {
            Objects.requireNonNull(by, "by");
        }
    }
}
