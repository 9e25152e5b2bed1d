package dev.detour.messages;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.Model;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Provider;
import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.routing.Route;

import java.time.Instant;
import java.util.Optional;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How ids, routes and times read in messages: display names from the catalog, times in UTC. */
public final class Names {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Catalog catalog;

    public Names(Catalog catalog) {
        this.catalog = catalog;
    }

    public Catalog catalog() {
        return catalog;
    }

    public String model(ModelId id) {
        return catalog.model(id).map(Model::name).orElse(id.value());
    }

    /** What customers read for the model: its public name; empty when it is not named to customers. */
    public Optional<String> publicModel(ModelId id) {
        return catalog.model(id).map(model -> model.publicName().name()).orElse(Optional.of(id.value()));
    }

    /** What customers read for the provider: its public name; empty when it is not named to customers. */
    public Optional<String> publicProvider(ProviderId id) {
        return catalog.provider(id).map(provider -> provider.publicName().name()).orElse(Optional.of(id.value()));
    }

    public String taskClass(TaskClassId id) {
        return catalog.taskClass(id).map(TaskClass::name).orElse(id.value());
    }

    public String target(Target target) {
        return target.fold(provider -> catalog.provider(provider).map(Provider::name).orElse(provider.value()),
                this::model);
    }

    /** For on-call: the display name with the id people type in commands. */
    public String targetWithId(Target target) {
        return target(target) + " (`" + target.id() + "`)";
    }

    /** The route in {@code words}: the messages that show it pass their own, so one message is one language. */
    public String route(Route route, Wording words) {
        return switch (route.state()) {
            case PRIMARY -> words.get(WordKey.ROUTE_PRIMARY, route.serving().map(this::model).orElse("?"));
            case FALLBACK -> words.get(WordKey.ROUTE_FALLBACK, route.serving().map(this::model).orElse("?"));
            case AWAITING_CONSENT -> words.get(WordKey.ROUTE_AWAITING_CONSENT,
                    route.offered().map(this::model).orElse("?"));
            case STOPPED -> words.get(WordKey.ROUTE_STOPPED);
        };
    }

    public static String time(Instant at) {
        return TIME.format(at);
    }

    /** A Slack mention of the person or, for signals and policies, their name in code style. */
    public static String actor(dev.detour.incidents.incident.Actor actor) {
        return actor.kind() == dev.detour.incidents.incident.Actor.Kind.USER
                ? "<@" + actor.id() + ">" : "`" + actor + "`";
    }
}
