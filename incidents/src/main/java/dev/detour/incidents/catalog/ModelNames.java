package dev.detour.incidents.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the model a name from outside means: its id, one of its exact aliases, or the longest alias prefix
 * ({@code claude-opus-4-8-2026*}) it starts with. Names are compared exactly (case counts). The config loader
 * refuses an alias two models claim, with file and line; the check here only guards against bugs.
 */
public final class ModelNames {
    /** An alias that ends in this is a prefix. */
    public static final String PREFIX_MARK = "*";

    private record Prefix(String text, Model model) {
    }

    private final Map<String, Model> exact = new HashMap<>();
    private final List<Prefix> prefixes = new ArrayList<>();

    ModelNames(List<Model> models) {
        models.forEach(model -> exact.put(model.id().value(), model));
        for (Model model : models) {
            for (String alias : model.aliases()) {
                if (alias.endsWith(PREFIX_MARK)) {
                    String text = alias.substring(0, alias.length() - PREFIX_MARK.length());
                    if (prefixes.stream().anyMatch(p -> p.text().equals(text) && !p.model().equals(model))) {
                        throw new IllegalArgumentException("alias " + alias + " is claimed by two models");
                    }
                    prefixes.add(new Prefix(text, model));
                } else {
                    Model first = exact.putIfAbsent(alias, model);
                    if (first != null && !first.equals(model)) {
                        throw new IllegalArgumentException("alias " + alias + " is claimed by " + first.id()
                                + " and " + model.id());
                    }
                }
            }
        }
        prefixes.sort(Comparator.comparingInt((Prefix p) -> p.text().length()).reversed());
    }

    /** The model {@code name} means, or empty when no id or alias matches. */
    public Optional<Model> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Model model = exact.get(name);
        if (model != null) {
            return Optional.of(model);
        }
        for (Prefix prefix : prefixes) {
            if (name.startsWith(prefix.text())) {
                return Optional.of(prefix.model());
            }
        }
        return Optional.empty();
    }
}
