package dev.detour.bot.ofrep;

import dev.detour.bot.ofrep.OfrepController.Bulk;
import dev.detour.bot.ofrep.OfrepController.Evaluation;
import dev.detour.incidents.flags.Flag;
import dev.detour.incidents.flags.FlagSet;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bodies of OFREP's 200 answers as bytes, serialized once per flag snapshot: a flag that is not split by a
 * ramp has one answer for every context, so it is written once when a new {@link FlagSet} is first asked for and
 * reused until the next swap (docs/flags.md, "OFREP"). Split flags, and the bulk answer while any flag is split,
 * are serialized per request, since their answer depends on the targeting key.
 */
@Singleton
public class OfrepAnswers {
    private final JsonMapper json;
    private final List<EventStreamLink> eventStreams;
    private volatile Prepared prepared;

    public OfrepAnswers(JsonMapper json, OfrepEventSettings eventSettings) {
        this.json = json;
        this.eventStreams = EventStreamLink.of(eventSettings);
    }

    /** What is written once per snapshot: the answers that do not depend on the context. */
    private record Prepared(FlagSet flags, Map<String, byte[]> single, byte[] bulk) {
    }

    /** The body of the answer for one flag of {@code current}; empty when it has no flag {@code key}. */
    public Optional<byte[]> single(FlagSet current, String key, Optional<String> targetingKey) {
        byte[] ready = prepared(current).single().get(key);
        if (ready != null) {
            return Optional.of(ready);
        }
        return current.get(key).map(flag -> write(Evaluation.of(flag.evaluate(targetingKey))));
    }

    /** The body of the bulk answer of {@code current} for one context. */
    public byte[] bulk(FlagSet current, Optional<String> targetingKey) {
        byte[] ready = prepared(current).bulk();
        return ready != null ? ready : write(bulkOf(current, targetingKey));
    }

    private Prepared prepared(FlagSet current) {
        Prepared now = prepared;
        if (now != null && now.flags() == current) {
            return now;
        }
        // Two threads may both prepare a new snapshot: they write the same bytes, and either result is right.
        Map<String, byte[]> single = new HashMap<>();
        for (Flag flag : current.all()) {
            if (flag.split().isEmpty()) {
                single.put(flag.key(), write(Evaluation.of(flag.evaluate(Optional.empty()))));
            }
        }
        byte[] bulk = current.splits() ? null : write(bulkOf(current, Optional.empty()));
        Prepared fresh = new Prepared(current, Map.copyOf(single), bulk);
        prepared = fresh;
        return fresh;
    }

    private Bulk bulkOf(FlagSet current, Optional<String> targetingKey) {
        return new Bulk(current.all().stream().map(flag -> Evaluation.of(flag.evaluate(targetingKey))).toList(),
                eventStreams);
    }

    private byte[] write(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException("an OFREP answer is plain data and always serializes", e);
        }
    }
}
