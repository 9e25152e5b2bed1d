package dev.detour.incidents.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.detour.incidents.catalog.Durations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A node of the config document that knows where it is, so every problem found in it can name the line.
 * Readers return values or throw {@link ConfigException}; nothing is silently ignored.
 */
final class ConfigNode {
    private final JsonNode node;
    private final String pointer;
    private final String key;
    private final String name;
    private final String source;
    private final YamlLines lines;

    private ConfigNode(JsonNode node, String pointer, String key, String name, String source, YamlLines lines) {
        this.node = node;
        this.pointer = pointer;
        this.key = key;
        this.name = name;
        this.source = source;
        this.lines = lines;
    }

    /** The whole document. */
    static ConfigNode root(JsonNode node, String source, YamlLines lines) {
        return new ConfigNode(node, "", "", "", source, lines);
    }

    /** The key path people read, e.g. {@code detour.task-classes[1].route}. */
    String name() {
        return name.isEmpty() ? "the file" : name;
    }

    int line() {
        return lines.line(pointer);
    }

    boolean isPresent() {
        return !node.isMissingNode() && !node.isNull();
    }

    ConfigException problem(String text) {
        return new ConfigException(source, line(), text);
    }

    ConfigNode child(String key) {
        JsonNode value = node.isObject() ? node.path(key) : MissingNode.getInstance();
        // JSON pointer escaping, as the streaming pass wrote it: component names may hold '/'.
        String segment = key.replace("~", "~0").replace("/", "~1");
        return new ConfigNode(value, pointer + "/" + segment, key, name.isEmpty() ? key : name + "." + key, source,
                lines);
    }

    /** This node must be a mapping whose keys are all in {@code known}. */
    ConfigNode expectMapping(Set<String> known) {
        if (!node.isObject()) {
            throw problem(name() + " must be a mapping of keys to values");
        }
        Iterator<String> keys = node.fieldNames();
        while (keys.hasNext()) {
            String key = keys.next();
            if (!known.contains(key)) {
                throw child(key).problem("unknown key '" + key + "' in " + name()
                        + Suggestions.didYouMean(key, known) + "; known keys: " + String.join(", ",
                        known.stream().sorted().toList()));
            }
        }
        return this;
    }

    /** The elements of a list, or none when absent. */
    List<ConfigNode> elements() {
        if (!isPresent()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw problem(name + " must be a list");
        }
        List<ConfigNode> elements = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            elements.add(new ConfigNode(node.get(i), pointer + "/" + i, "", name + "[" + i + "]", source, lines));
        }
        return elements;
    }

    /** The keys of a mapping with their values, in file order, or none when absent. */
    List<ConfigNode> entries() {
        if (!isPresent()) {
            return List.of();
        }
        if (!node.isObject()) {
            throw problem(name + " must be a mapping");
        }
        List<ConfigNode> entries = new ArrayList<>();
        node.fieldNames().forEachRemaining(key -> entries.add(child(key)));
        return entries;
    }

    /** This node's key in its mapping; empty for list elements and the document. */
    String key() {
        return key;
    }

    /** A single value (text, number, boolean), not a list or mapping. */
    boolean isValue() {
        return isPresent() && node.isValueNode();
    }

    /** {@code true} or {@code false} in the file. */
    boolean isBoolean() {
        return isPresent() && node.isBoolean();
    }

    /** A string in the file (quoted, or a word YAML does not read as a number or boolean). */
    boolean isText() {
        return node.isTextual();
    }

    Optional<String> optionalText() {
        if (!isPresent()) {
            return Optional.empty();
        }
        if (!node.isValueNode()) {
            throw problem(name + " must be a single value");
        }
        return Optional.of(node.asText());
    }

    String requiredText() {
        return optionalText().filter(text -> !text.isBlank())
                .orElseThrow(() -> problem(name + " is required"));
    }

    /** A required id, checked by the id type's own rule. */
    <T> T id(Function<String, T> parse) {
        String text = requiredText();
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw problem(name + ": " + e.getMessage());
        }
    }

    boolean bool(boolean fallback) {
        if (!isPresent()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw problem(name + " must be true or false, not '" + node.asText() + "'");
        }
        return node.booleanValue();
    }

    double number(double fallback) {
        if (!isPresent()) {
            return fallback;
        }
        if (!node.isNumber()) {
            throw problem(name + " must be a number, not '" + node.asText() + "'");
        }
        return node.doubleValue();
    }

    long wholeNumber(long fallback) {
        if (!isPresent()) {
            return fallback;
        }
        if (!node.isIntegralNumber()) {
            throw problem(name + " must be a whole number, not '" + node.asText() + "'");
        }
        return node.longValue();
    }

    /** {@code 500ms}, {@code 60s}, {@code 15m}, {@code 1h}, {@code 1d} or ISO-8601 ({@code PT15M}). */
    Duration duration(Duration fallback) {
        Optional<String> text = optionalText();
        if (text.isEmpty()) {
            return fallback;
        }
        return Durations.parse(text.get()).orElseThrow(() -> problem(name
                + " must be a duration like 500ms, 60s, 15m, 1h or PT15M, not '" + text.get() + "'"));
    }
}
