package dev.detour.messages;

import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.readmodel.IncidentPicture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An incident's title: the one a person gave it (declaring it, or with {@code /detour title}), as given; otherwise
 * one made from what it affects and how, in words, so it changes when the scope does:
 * {@code Anthropic: Claude Opus 4.8 and 4.7 failing}, {@code Anthropic switched off: Claude Opus 4.8 and 4.7 failing}.
 * Not escaped: callers escape it for where it goes.
 */
public final class IncidentTitle {
    private final Names names;
    private final Wording words;

    public IncidentTitle(Names names, Wording words) {
        this.names = names;
        this.words = words;
    }

    /** The title from the incident alone: what it covers, as failing (where the current state is not at hand). */
    public String of(Incident incident) {
        return of(incident, Optional.empty());
    }

    /** The title with what is true now: a provider switched off says so. */
    public String of(IncidentPicture picture) {
        return of(picture.incident(), Optional.of(picture));
    }

    private String of(Incident incident, Optional<IncidentPicture> picture) {
        if (!incident.title().isEmpty()) {
            return incident.title();
        }
        IncidentKind kind = picture.map(IncidentPicture::kind).orElse(incident.kind());
        if (kind != IncidentKind.OUTAGE && kind != IncidentKind.DEGRADATION) {
            return words.get(WordKey.title(kind), list(incident.affected().stream().map(names::target).toList()));
        }
        Map<ProviderId, List<Target>> byProvider = new LinkedHashMap<>();
        incident.affected().forEach(target -> byProvider.computeIfAbsent(names.catalog().providerOf(target),
                provider -> new ArrayList<>()).add(target));
        List<String> parts = new ArrayList<>();
        byProvider.forEach((provider, about) -> parts.add(part(provider, about, picture)));
        return String.join("; ", parts);
    }

    /** One provider's part: {@code Anthropic: Claude Opus 4.8 failing}, {@code OpenAI switched off}. */
    private String part(ProviderId provider, List<Target> about, Optional<IncidentPicture> picture) {
        String providerName = names.target(Target.provider(provider));
        List<Target.OfModel> inCatalogOrder = about.stream().filter(target -> target instanceof Target.OfModel)
                .map(target -> (Target.OfModel) target).sorted(java.util.Comparator.comparingInt(target ->
                        names.catalog().models().stream().map(model -> model.id()).toList().indexOf(target.model())))
                .toList();
        List<String> models = inCatalogOrder.stream().map(names::target).toList();
        boolean providerOff = picture.map(p -> about.stream().map(p::stateOf).flatMap(Optional::stream)
                .anyMatch(state -> state.target() instanceof Target.OfProvider ? !state.isOn()
                        : state.health() instanceof IncidentPicture.OffWithProvider)).orElse(false);
        String failing = words.get(WordKey.TITLE_FAILING, compact(models));
        if (providerOff) {
            return models.isEmpty() ? words.get(WordKey.TITLE_PROVIDER_OFF, providerName)
                    : words.get(WordKey.TITLE_PROVIDER_OFF_MODELS, providerName, failing);
        }
        if (models.isEmpty()) {
            return words.get(WordKey.TITLE_FAILING, providerName);
        }
        return words.get(WordKey.TITLE_PROVIDER_MODELS, providerName, failing);
    }

    /**
     * Names that start with the same words say them once: {@code Claude Opus 4.8 and 4.7}; others are listed whole:
     * {@code GPT-5 and o3}.
     */
    String compact(List<String> modelNames) {
        if (modelNames.size() < 2) {
            return list(modelNames);
        }
        List<String[]> split = modelNames.stream().map(name -> name.split(" ")).toList();
        int shared = split.stream().mapToInt(parts -> parts.length - 1).min().orElse(0);
        for (String[] parts : split) {
            int same = 0;
            while (same < shared && parts[same].equals(split.get(0)[same])) {
                same++;
            }
            shared = same;
        }
        if (shared == 0) {
            return list(modelNames);
        }
        List<String> shortened = new ArrayList<>(List.of(modelNames.get(0)));
        for (String[] parts : split.subList(1, split.size())) {
            shortened.add(String.join(" ", Arrays.copyOfRange(parts, shared, parts.length)));
        }
        return list(shortened);
    }

    /** {@code a}, {@code a and b}, {@code a, b and c}. */
    private String list(List<String> items) {
        if (items.size() < 2) {
            return String.join("", items);
        }
        return words.get(WordKey.WORD_AND, String.join(", ", items.subList(0, items.size() - 1)),
                items.get(items.size() - 1));
    }
}
