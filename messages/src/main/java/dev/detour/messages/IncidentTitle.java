package dev.detour.messages;

import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Incident;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An incident's title: the one a person typed, as typed; otherwise (an incident a signal opened, or one declared
 * without a title) one made from its kind and what it affects, in words: {@code Anthropic: Claude Opus 4.8 failing},
 * {@code OpenAI down}. Not escaped: callers escape it for where it goes.
 */
public final class IncidentTitle {
    private final Names names;
    private final Wording words;

    public IncidentTitle(Names names, Wording words) {
        this.names = names;
        this.words = words;
    }

    public String of(Incident incident) {
        if (!incident.title().isEmpty()) {
            return incident.title();
        }
        return words.get(WordKey.title(incident.kind()), affected(incident.affected()));
    }

    /** Models under their provider's name, a provider alone by its name: {@code Anthropic: Claude Opus 4.8, ...}. */
    private String affected(List<Target> targets) {
        Map<ProviderId, List<Target>> byProvider = new LinkedHashMap<>();
        targets.forEach(target -> byProvider.computeIfAbsent(names.catalog().providerOf(target),
                provider -> new ArrayList<>()).add(target));
        List<String> parts = new ArrayList<>();
        byProvider.forEach((provider, about) -> {
            String providerName = names.target(Target.provider(provider));
            List<String> models = about.stream().filter(target -> !(target instanceof Target.OfProvider))
                    .map(names::target).toList();
            boolean wholeProvider = about.stream().anyMatch(target -> target instanceof Target.OfProvider);
            parts.add(wholeProvider || models.isEmpty() ? providerName
                    : words.get(WordKey.TITLE_PROVIDER_MODELS, providerName, String.join(", ", models)));
        });
        return parts.stream().collect(Collectors.joining("; "));
    }
}
