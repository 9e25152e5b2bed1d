package dev.detour.bot.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every word key the code asks for by name (or the prefix it completes) is in the English bundle, so a renamed
 * or mistyped key fails here rather than as a MissingResourceException in the middle of an incident.
 */
class WordingKeysTest {
    private static final Path ROOT = Path.of("..");
    /** {@code words.get("key"}, and the parser's keys, which it hands to helpers ({@code refusal("parse.…"}). */
    private static final Pattern LITERAL_KEY = Pattern.compile(
            "(?:words|wording|Wording\\.english\\(\\))\\s*\\.get\\(\\s*\"([^\"]+)\"|\"(parse\\.[a-z0-9.-]+)\"");

    @Test
    void everyKeyTheCodeNamesIsInTheEnglishBundle() throws IOException {
        ResourceBundle english = ResourceBundle.getBundle("dev.detour.messages.wording", Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Set<String> named = keysNamedInSources();
        List<String> missing = new ArrayList<>();
        for (String key : named) {
            // "kind." + word: a prefix the code completes; some key must start with it
            boolean found = key.endsWith(".") ? english.keySet().stream().anyMatch(k -> k.startsWith(key))
                    : english.containsKey(key);
            if (!found) {
                missing.add(key);
            }
        }

        assertTrue(named.size() > 100, "the scan finds the keys: " + named.size());
        assertEquals(List.of(), missing);
    }

    private static Set<String> keysNamedInSources() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String module : List.of("incidents", "messages", "commands", "notifications", "bot")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                    Matcher matcher = LITERAL_KEY.matcher(Files.readString(file));
                    while (matcher.find()) {
                        keys.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
                    }
                }
            }
        }
        return keys;
    }
}
