package dev.detour.messages.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Finds English in text rendered in another language: any phrase of the English wording bundle (the literal parts
 * of its patterns that hold at least eight letters) and any of a list of English words that code used to write.
 */
public final class EnglishFinder {
    /** Markup typed the same in every language: code spans, emoji codes, Slack's links and mentions. */
    public static final Pattern TYPED = Pattern.compile("```[^`]*```|`[^`]*`|:[a-z_]+:|<[^>]*>");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    private final List<String> phrases = englishPhrases();
    private final List<Pattern> words;

    public EnglishFinder(List<String> words) {
        this.words = words.stream().map(word -> Pattern.compile("(?<![\\p{L}`/-])" + word + "(?![\\p{L}`-])",
                Pattern.CASE_INSENSITIVE)).toList();
    }

    /** The English phrases (quoted) and words that {@code text} holds; empty when it holds none. */
    public List<String> in(String text) {
        List<String> found = new ArrayList<>();
        for (String phrase : phrases) {
            if (text.contains(phrase)) {
                found.add("\"" + phrase + "\"");
            }
        }
        for (Pattern word : words) {
            if (word.matcher(text).find()) {
                found.add(word.pattern().replaceAll("\\(\\?<?![^)]*\\)", ""));
            }
        }
        return found;
    }

    private static List<String> englishPhrases() {
        Properties english = new Properties();
        try (InputStream in = EnglishFinder.class.getClassLoader()
                .getResourceAsStream("dev/detour/messages/wording.properties")) {
            english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return english.values().stream().map(Object::toString)
                .flatMap(pattern -> Arrays.stream(PLACEHOLDER.split(TYPED.matcher(pattern.replace("''", "'"))
                        .replaceAll("·"))))
                .map(String::strip)
                .filter(part -> part.chars().filter(Character::isLetter).count() >= 8)
                .distinct().toList();
    }
}
