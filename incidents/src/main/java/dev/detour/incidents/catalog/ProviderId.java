package dev.detour.incidents.catalog;

/** Id of a provider, for example `anthropic`. Invalid ids cannot be constructed. */
public record ProviderId(String value) implements Comparable<ProviderId> {
    public ProviderId {
        Ids.require("provider", value);
    }

    public static ProviderId of(String value) {
        return new ProviderId(value);
    }

    @Override
    public int compareTo(ProviderId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
