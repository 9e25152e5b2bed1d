package dev.detour.commands;

import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.routing.RouteCause;
import dev.detour.messages.Names;
import dev.detour.messages.WordKey;
import dev.detour.messages.Wording;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What still keeps features off after {@code /detour enable}: a model switched on whose provider is still off, or a
 * feature that uses it but is held paused or pinned elsewhere by an override. Each is one warning line for the
 * person's answer, so they do not take "Enabled" for "back".
 */
final class EnableWarnings {
    private final Names names;
    private final Wording words;

    EnableWarnings(Names names, Wording words) {
        this.names = names;
        this.words = words;
    }

    /** @param status what is committed after the change */
    String of(List<Target> enabled, DetourStatus status) {
        StringBuilder text = new StringBuilder();
        Set<ModelId> models = new LinkedHashSet<>();
        for (Target target : enabled) {
            target.fold(provider -> models.addAll(names.catalog().models().stream()
                            .filter(model -> model.provider().equals(provider)).map(model -> model.id()).toList()),
                    models::add);
            if (target instanceof Target.OfModel model) {
                ProviderId provider = names.catalog().providerOf(model.model());
                boolean providerOff = status.providers().stream().anyMatch(p -> p.id().equals(provider)
                        && !p.available());
                if (providerOff) {
                    text.append(words.get(WordKey.COMMAND_ENABLE_PROVIDER_OFF,
                            names.target(Target.provider(provider)), names.model(model.model()), provider.value()));
                }
            }
        }
        for (DetourStatus.TaskClassStatus taskClass : status.taskClasses()) {
            RouteCause cause = taskClass.current().cause();
            boolean heldByOverride = cause == RouteCause.OVERRIDE_STOP || (cause == RouteCause.OVERRIDE_PIN
                    && taskClass.current().serving().map(serving -> !models.contains(serving)).orElse(true));
            if (heldByOverride && taskClass.route().stream().anyMatch(models::contains)) {
                text.append(words.get(WordKey.COMMAND_ENABLE_OVERRIDE, taskClass.name(),
                        names.route(taskClass.current(), words), taskClass.id().value()));
            }
        }
        return text.toString();
    }
}
