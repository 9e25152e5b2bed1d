package dev.detour.incidents.config;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** "Did you mean ...?" for near-miss ids and keys: the closest candidate within a small edit distance. */
public final class Suggestions {
    private static final int MAX_DISTANCE = 2;

    private Suggestions() {
    }

    /** Case is ignored when measuring, so {@code CONSENT} still finds {@code consent}. */
    public static Optional<String> closest(String typed, Collection<String> candidates) {
        return nearest(typed, candidates).stream().findFirst();
    }

    /**
     * Every candidate at the smallest distance (within the limit), in order: {@code claude-opus-4-9} is as near
     * to {@code claude-opus-4-7} as to {@code claude-opus-4-8}, and people should see both.
     */
    public static List<String> nearest(String typed, Collection<String> candidates) {
        String lower = typed.toLowerCase(Locale.ROOT);
        Map<Integer, List<String>> byDistance = candidates.stream().distinct()
                .collect(Collectors.groupingBy(candidate -> distance(lower, candidate.toLowerCase(Locale.ROOT)),
                        TreeMap::new, Collectors.toList()));
        return byDistance.entrySet().stream().filter(entry -> entry.getKey() <= MAX_DISTANCE).findFirst()
                .map(entry -> entry.getValue().stream().sorted().toList()).orElse(List.of());
    }

    /** {@code " (did you mean 'x'?)"}, or nothing. */
    public static String didYouMean(String typed, Collection<String> candidates) {
        return closest(typed, candidates).map(match -> " (did you mean '" + match + "'?)").orElse("");
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
