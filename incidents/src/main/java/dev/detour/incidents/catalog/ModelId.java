package dev.detour.incidents.catalog;

/** Id of a model, for example `claude-opus-4-8`. Invalid ids cannot be constructed. */
public record ModelId(String value) implements Comparable<ModelId> {
    public ModelId {
        Ids.require("model", value);
    }

    public static ModelId of(String value) {
        return new ModelId(value);
    }

    @Override
    public int compareTo(ModelId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
