package dev.detour.incidents.signals;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Model names that signals carried but no model's id or alias matches, counted per name so that an operator can add
 * an alias (docs/configuration.md, "Model aliases"). They never open incidents. At most {@link #NAMES} names are
 * kept, each cut to {@link #NAME_LENGTH} characters; names beyond that are counted together in {@code others}.
 */
public final class UnknownModelNames {
    public static final int NAMES = 100;
    public static final int NAME_LENGTH = 200;

    /** How often one name was seen. */
    public record Count(String name, long count) {
    }

    /** The names seen, most frequent first, and how many reports named a name beyond the {@link #NAMES} kept. */
    public record Snapshot(List<Count> names, long others) {
    }

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder others = new LongAdder();

    public void seen(String name, long times) {
        String key = name.length() > NAME_LENGTH ? name.substring(0, NAME_LENGTH) : name;
        LongAdder count = counts.get(key);
        if (count == null) {
            if (counts.size() >= NAMES) {
                others.add(times);
                return;
            }
            count = counts.computeIfAbsent(key, k -> new LongAdder());
        }
        count.add(times);
    }

    public Snapshot snapshot() {
        List<Count> names = counts.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue().sum()))
                .sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::name)).toList();
        return new Snapshot(names, others.sum());
    }
}
