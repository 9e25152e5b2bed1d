package dev.detour.incidents.persistence;

import dev.detour.incidents.catalog.Target;

/** The stored form of a target, {@code provider:<id>} or {@code model:<id>}, in the incident and routing tables. */
final class TargetKeys {
    private TargetKeys() {
    }

    static String key(Target target) {
        return target.kind() + ":" + target.id();
    }

    static Target target(String key) {
        int colon = key.indexOf(':');
        return Target.of(key.substring(0, colon), key.substring(colon + 1));
    }
}
