package dev.detour.incidents.incident;

import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.ProviderId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Something that can be affected by an incident and switched off: a whole provider or one model. */
public sealed interface Target extends Comparable<Target> permits Target.OfProvider, Target.OfModel {

    /** {@code provider} or {@code model}. */
    String kind();

    /** The provider or model id. */
    String id();

    /** Applies the function that fits this kind of target. */
    <R> R fold(Function<ProviderId, R> ifProvider, Function<ModelId, R> ifModel);

    static Target provider(ProviderId id) {
        return new OfProvider(id);
    }

    static Target model(ModelId id) {
        return new OfModel(id);
    }

    /** Rebuilds a target from its stored {@link #kind()} and {@link #id()}. */
    static Target of(String kind, String id) {
        return switch (kind) {
            case OfProvider.KIND -> new OfProvider(ProviderId.of(id));
            case OfModel.KIND -> new OfModel(ModelId.of(id));
            default -> throw new IllegalArgumentException("unknown target kind " + kind);
        };
    }

    /**
     * {@code provider anthropic, model claude-opus-4-7}: how the timeline stores targets; {@link #parseAll} reads
     * it back.
     */
    static String describe(Collection<Target> targets) {
        return targets.stream().map(target -> target.kind() + " " + target.id()).collect(Collectors.joining(", "));
    }

    /** The targets of a {@link #describe} text; empty if the text is not one. */
    static List<Target> parseAll(String described) {
        List<Target> targets = new ArrayList<>();
        for (String part : described.split(", ")) {
            String[] kindAndId = part.split(" ", 2);
            if (kindAndId.length != 2 || !(kindAndId[0].equals(OfProvider.KIND) || kindAndId[0].equals(OfModel.KIND))) {
                return List.of();
            }
            try {
                targets.add(of(kindAndId[0], kindAndId[1]));
            } catch (IllegalArgumentException notAnId) {
                return List.of();
            }
        }
        return List.copyOf(targets);
    }

    @Override
    default int compareTo(Target other) {
        int byKind = other.kind().compareTo(kind()); // providers first
        return byKind != 0 ? byKind : id().compareTo(other.id());
    }

    record OfProvider(ProviderId provider) implements Target {
        static final String KIND = "provider";

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String id() {
            return provider.value();
        }

        @Override
        public <R> R fold(Function<ProviderId, R> ifProvider, Function<ModelId, R> ifModel) {
            return ifProvider.apply(provider);
        }
    }

    record OfModel(ModelId model) implements Target {
        static final String KIND = "model";

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String id() {
            return model.value();
        }

        @Override
        public <R> R fold(Function<ProviderId, R> ifProvider, Function<ModelId, R> ifModel) {
            return ifModel.apply(model);
        }
    }
}
