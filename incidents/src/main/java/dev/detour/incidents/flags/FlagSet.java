package dev.detour.incidents.flags;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.readmodel.DetourStatus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every flag at one moment (docs/flags.md): {@code provider.<id>.enabled}, {@code model.<id>.enabled} (false when the
 * model or its provider is off) and {@code route.<taskClass>}. Immutable, so it can be swapped in whole after
 * each committed change and read by any number of evaluations without locks. While targets ramp, the flags that
 * depend on them are split by targeting key ({@link FlagSplit}).
 */
public final class FlagSet {
    public static final String ON = "on";
    public static final String OFF = "off";

    private final Map<String, Flag> flags;
    private final String etag;
    private final Instant builtAt;
    private final boolean splits;

    private FlagSet(Map<String, Flag> flags, Instant builtAt) {
        this.flags = flags;
        this.etag = digest(flags.values());
        this.builtAt = builtAt;
        this.splits = flags.values().stream().anyMatch(flag -> flag.split().isPresent());
    }

    public static FlagSet of(DetourStatus status, Catalog catalog) {
        Map<String, Flag> flags = new TreeMap<>();
        RampSplits splits = new RampSplits(status);
        for (DetourStatus.ProviderStatus provider : status.providers()) {
            Target target = Target.provider(provider.id());
            flags.put(key(provider), flag(key(provider), provider.available(), provider.available() ? ON : OFF,
                    metadata(provider.since(), incidentCovering(List.of(target), status, catalog)),
                    splits.provider(provider)));
        }
        Map<dev.detour.incidents.catalog.ProviderId, DetourStatus.ProviderStatus> providers = new LinkedHashMap<>();
        status.providers().forEach(provider -> providers.put(provider.id(), provider));
        for (DetourStatus.ModelStatus model : status.models()) {
            Optional<Instant> since = latest(model.since(), Optional.ofNullable(providers.get(model.provider()))
                    .flatMap(DetourStatus.ProviderStatus::since));
            String key = "model." + model.id() + ".enabled";
            flags.put(key, flag(key, model.usable(), model.usable() ? ON : OFF,
                    metadata(since, incidentCovering(List.of(Target.model(model.id())), status, catalog)),
                    splits.model(model)));
        }
        for (DetourStatus.TaskClassStatus taskClass : status.taskClasses()) {
            String key = "route." + taskClass.id();
            List<Target> route = taskClass.route().stream().map(Target::model).toList();
            flags.put(key, flag(key, taskClass.current().flagValue(), taskClass.current().state().word(),
                    metadata(taskClass.since(), incidentCovering(route, status, catalog)), splits.route(taskClass)));
        }
        return new FlagSet(java.util.Collections.unmodifiableMap(flags), status.at());
    }

    /** A flag, with the ramp's share and step in its metadata while it is split. */
    private static Flag flag(String key, Object value, String variant, Map<String, String> metadata,
                             Optional<FlagSplit> split) {
        if (split.isEmpty()) {
            return new Flag(key, value, variant, metadata);
        }
        Map<String, String> withRamp = new TreeMap<>(metadata);
        withRamp.putAll(RampSplits.metadata(split.get()));
        return new Flag(key, value, variant, withRamp, split);
    }

    /** Whether any flag is split by targeting key (a ramp runs): only then does an evaluation read the context. */
    public boolean splits() {
        return splits;
    }

    public Optional<Flag> get(String key) {
        return Optional.ofNullable(flags.get(key));
    }

    /** In key order. */
    public Collection<Flag> all() {
        return flags.values();
    }

    /** When the state it shows was read. */
    public Instant builtAt() {
        return builtAt;
    }

    /** Changes with every change of any flag's value, variant or metadata. */
    public String etag() {
        return etag;
    }

    /**
     * The tag of the bulk answer for one evaluation context: {@link #etag()} while no flag is split; otherwise it
     * also names which split flags the targeting key is in (or that there is no key), so a client whose key, or
     * whose bucket, differs never gets a {@code 304} for an answer that is not its own.
     */
    public String etagFor(Optional<String> targetingKey) {
        if (!splits) {
            return etag;
        }
        StringBuilder shares = new StringBuilder(etag).append(targetingKey.isPresent() ? '|' : '-');
        targetingKey.ifPresent(key -> flags.values().forEach(flag -> flag.split()
                .ifPresent(split -> shares.append(split.includes(flag.key(), key) ? '1' : '0'))));
        return tag(sha256(shares.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The flags whose value, variant or metadata differ from {@code before} (all of them when it is empty). */
    public List<Flag> changedSince(Optional<FlagSet> before) {
        List<Flag> changed = new ArrayList<>();
        for (Flag flag : flags.values()) {
            if (before.flatMap(previous -> previous.get(flag.key())).filter(flag::equals).isEmpty()) {
                changed.add(flag);
            }
        }
        return changed;
    }

    private static String key(DetourStatus.ProviderStatus provider) {
        return "provider." + provider.id() + ".enabled";
    }

    private static Optional<Instant> latest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.filter(other -> other.isAfter(a.get())).or(() -> a);
    }

    private static Optional<Incident> incidentCovering(List<Target> targets, DetourStatus status, Catalog catalog) {
        return status.openIncidents().stream()
                .filter(incident -> targets.stream().anyMatch(target -> incident.covers(target, catalog)))
                .findFirst();
    }

    private static Map<String, String> metadata(Optional<Instant> since, Optional<Incident> incident) {
        Map<String, String> metadata = new TreeMap<>();
        since.ifPresent(at -> metadata.put("since", at.toString()));
        incident.ifPresent(open -> metadata.put("incident", open.id().toString()));
        return metadata;
    }

    private static String digest(Collection<Flag> flags) {
        StringBuilder all = new StringBuilder();
        for (Flag flag : flags) {
            all.append(flag.key()).append('=').append(flag.value()).append('|').append(flag.variant()).append('|')
                    .append(flag.metadata()).append(flag.split().map(split -> "|" + split).orElse("")).append('\n');
        }
        return tag(sha256(all.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static String tag(byte[] digest) {
        return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

}
