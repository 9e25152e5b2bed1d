package dev.detour.incidents.preview;

import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.routing.Availability;
import dev.detour.incidents.routing.ConsentRecord;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteOverride;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The routing inputs a change is computed from, as stored at one moment: availability, overrides, consent answers
 * and each task class's current route.
 *
 * @param routes the routes as stored (a task class without one has no entry yet)
 */
public record RoutingSnapshot(Availability availability, Map<TaskClassId, RouteOverride> overrides,
                              Map<TaskClassId, ConsentRecord> consents, Map<TaskClassId, Route> routes) {
    public RoutingSnapshot {
        Objects.requireNonNull(availability, "availability");
        overrides = Map.copyOf(overrides);
        consents = Map.copyOf(consents);
        routes = Map.copyOf(routes);
    }

    /**
     * A digest of every input, the same for equal snapshots whatever the map order: a change previewed at one
     * version is applied only while the state still has that version.
     */
    public String version() {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(Map.of("p", sorted(availability.unavailableProviders().stream().map(Object::toString)),
                "m", sorted(availability.unavailableModels().stream().map(Object::toString))))
                .forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        new TreeMap<>(stringKeys(overrides)).forEach((key, value) -> text.append("o ").append(key).append('=')
                .append(value.describe()).append('\n'));
        new TreeMap<>(stringKeys(consents)).forEach((key, value) -> text.append("c ").append(key).append('=')
                .append(value.offered()).append(' ').append(value.answer()).append(' ').append(value.timedOut())
                .append('\n'));
        new TreeMap<>(stringKeys(routes)).forEach((key, value) -> text.append("r ").append(key).append('=')
                .append(value.state()).append(' ').append(value.serving().map(Object::toString).orElse("-"))
                .append(' ').append(value.offered().map(Object::toString).orElse("-")).append(' ')
                .append(value.cause()).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString()
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String sorted(java.util.stream.Stream<String> values) {
        return String.join(",", values.sorted().toList());
    }

    private static <V> Map<String, V> stringKeys(Map<TaskClassId, V> map) {
        Map<String, V> byText = new TreeMap<>();
        map.forEach((key, value) -> byText.put(key.value(), value));
        return byText;
    }
}
