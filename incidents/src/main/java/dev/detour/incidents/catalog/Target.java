package dev.detour.incidents.catalog;


import java.util.function.Function;

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
