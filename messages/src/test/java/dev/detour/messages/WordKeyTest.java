package dev.detour.messages;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link WordKey} and the bundles name the same keys, so a renderer's key always has words, in every language. */
class WordKeyTest {

    @Test
    void everyKeyHasWordsInTheEnglishBundle() throws IOException {
        Set<String> missing = new TreeSet<>(keys());
        missing.removeAll(bundle("dev/detour/messages/wording.properties"));
        assertEquals(Set.of(), missing);
    }

    @Test
    void theEnglishBundleHasNoWordsWithoutAKey() throws IOException {
        Set<String> unused = new TreeSet<>(bundle("dev/detour/messages/wording.properties"));
        unused.removeAll(keys());
        assertEquals(Set.of(), unused);
    }

    @Test
    void theGermanTestBundleTranslatesEveryKeyAndNothingElse() throws IOException {
        assertEquals(new TreeSet<>(keys()), new TreeSet<>(bundle("dev/detour/messages/wording_de.properties")));
    }

    private static Set<String> keys() {
        return Arrays.stream(WordKey.values()).map(WordKey::property).collect(Collectors.toSet());
    }

    private static Set<String> bundle(String resource) throws IOException {
        Properties words = new Properties();
        try (InputStream in = WordKeyTest.class.getClassLoader().getResourceAsStream(resource)) {
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return words.stringPropertyNames();
    }
}
