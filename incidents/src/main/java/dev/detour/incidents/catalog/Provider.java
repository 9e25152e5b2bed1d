package dev.detour.incidents.catalog;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A company serving models.
 *
 * @param statusPage  its Atlassian Statuspage, when it has one
 * @param autoDisable whether health signals mark its models unavailable at once (otherwise a person decides)
 * @param autoEnable  whether cleared signals re-enable its models on their own (otherwise Detour suggests it)
 * @param components  status-page component name -> the models it covers
 * @param publicName  what customers read for it (config {@code public-name}); its name unless configured
 * @param recovery    how its models come back when enabled (config {@code recovery}); at once unless configured
 * @param maintenance what Detour does about its planned work (config {@code maintenance}, docs/maintenance.md)
 * @param statusGator its StatusGator service slug (config {@code statusgator}, docs/signals.md), when watched there
 */
public record Provider(ProviderId id, String name, Optional<URI> statusPage, boolean autoDisable,
                       boolean autoEnable, Map<String, List<ModelId>> components, List<Model> models,
                       PublicName publicName, RecoveryPolicy recovery, MaintenancePolicy maintenance,
                       Optional<String> statusGator) {
    public Provider {
        statusGator = statusGator == null ? Optional.empty() : statusGator;
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id.value() : name;
        statusPage = statusPage == null ? Optional.empty() : statusPage;
        components = Map.copyOf(components == null ? Map.of() : components);
        models = List.copyOf(models == null ? List.of() : models);
        publicName = publicName == null ? PublicName.as(name) : publicName;
        recovery = recovery == null ? RecoveryPolicy.AT_ONCE : recovery;
        maintenance = maintenance == null ? MaintenancePolicy.ANNOUNCE : maintenance;
    }

    /** A provider not watched through StatusGator. */
    public Provider(ProviderId id, String name, Optional<URI> statusPage, boolean autoDisable, boolean autoEnable,
                    Map<String, List<ModelId>> components, List<Model> models, PublicName publicName,
                    RecoveryPolicy recovery, MaintenancePolicy maintenance) {
        this(id, name, statusPage, autoDisable, autoEnable, components, models, publicName, recovery, maintenance,
                Optional.empty());
    }

    /** A provider whose planned work is announced, not routed around. */
    public Provider(ProviderId id, String name, Optional<URI> statusPage, boolean autoDisable, boolean autoEnable,
                    Map<String, List<ModelId>> components, List<Model> models, PublicName publicName,
                    RecoveryPolicy recovery) {
        this(id, name, statusPage, autoDisable, autoEnable, components, models, publicName, recovery, null);
    }

    /** A provider whose models come back at once. */
    public Provider(ProviderId id, String name, Optional<URI> statusPage, boolean autoDisable, boolean autoEnable,
                    Map<String, List<ModelId>> components, List<Model> models, PublicName publicName,
                    MaintenancePolicy maintenance) {
        this(id, name, statusPage, autoDisable, autoEnable, components, models, publicName, null, maintenance);
    }

    /** A provider whose models come back at once and whose planned work is announced. */
    public Provider(ProviderId id, String name, Optional<URI> statusPage, boolean autoDisable, boolean autoEnable,
                    Map<String, List<ModelId>> components, List<Model> models, PublicName publicName) {
        this(id, name, statusPage, autoDisable, autoEnable, components, models, publicName, null, null);
    }

    /** A provider customers read by its name. */
    public Provider(ProviderId id, String name, Optional<URI> statusPage, boolean autoDisable, boolean autoEnable,
                    Map<String, List<ModelId>> components, List<Model> models) {
        this(id, name, statusPage, autoDisable, autoEnable, components, models, null, null, null);
    }
}
