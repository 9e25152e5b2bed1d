package dev.detour.incidents;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.DetourConfig;
import dev.detour.incidents.catalog.SlackSettings;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Services need only parts of the config; the application supplies the whole {@link DetourConfig}. */
@Factory
public class CatalogFactory {
    @Singleton
    public Catalog catalog(DetourConfig config) {
        return config.catalog();
    }

    @Singleton
    public SlackSettings slackSettings(DetourConfig config) {
        return config.slack();
    }
}
