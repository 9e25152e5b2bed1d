package dev.detour.notifications.flags;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.flags.Flag;
import dev.detour.incidents.flags.FlagSet;
import dev.detour.incidents.flags.FlagSplit;

import java.io.IOException;
import java.util.List;

/** The JSON that leaves Detour for push sinks. */
public final class FlagDocuments {
    static final String FLAGD_SCHEMA = "https://flagd.dev/schema/v0/flags.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FlagDocuments() {
    }

    /**
     * {@code {"at", "etag", "incident", "changed": [...], "flags": [...]}}, each flag as
     * {@code {"key","value","variant","metadata"}} (and, while a target ramps, {@code "split"}: the share of
     * targeting keys that read another value, docs/flags.md): what changed, and the whole state, so a receiver that missed
     * nothing and one that starts fresh both end right. The delivery's id is added when it is sent
     * ({@link #withId}): it is the outbox row's idempotency key, which exists once the row does.
     */
    static String webhookBody(DetourEvent event, FlagSet after, List<Flag> changed) {
        ObjectNode body = JSON.createObjectNode().put("at", event.at().toString())
                .put("etag", after.etag().replace("\"", ""));
        event.incident().ifPresentOrElse(incident -> body.put("incident", incident.toString()),
                () -> body.putNull("incident"));
        ArrayNode changes = body.putArray("changed");
        changed.forEach(flag -> changes.add(evaluation(flag)));
        ArrayNode all = body.putArray("flags");
        after.all().forEach(flag -> all.add(evaluation(flag)));
        return body.toString();
    }

    /** The webhook body as sent: {@code id} first, then the document the change wrote. */
    static String withId(String id, String body) {
        try {
            ObjectNode sent = JSON.createObjectNode().put("id", id);
            sent.setAll((ObjectNode) JSON.readTree(body));
            return sent.toString();
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("a flag push row holds no JSON object; Detour wrote it itself", e);
        }
    }

    /**
     * flagd's flag-definition format: each flag {@code ENABLED}, with its current value as the default variant
     * (booleans also carry the other variant, so a flagd user can see both). A flag split by a ramp gets flagd
     * {@code fractional} targeting over the targeting key, the share in first, so flagd puts every key in the same
     * bucket as OFREP does; without a targeting key flagd gives the default variant, the conservative value.
     */
    public static String flagd(FlagSet flagSet) {
        ObjectNode root = JSON.createObjectNode().put("$schema", FLAGD_SCHEMA);
        ObjectNode flags = root.putObject("flags");
        for (Flag flag : flagSet.all()) {
            ObjectNode definition = flags.putObject(flag.key()).put("state", "ENABLED");
            ObjectNode variants = definition.putObject("variants");
            if (flag.isBoolean()) {
                variants.put(FlagSet.ON, true).put(FlagSet.OFF, false);
            } else {
                variants.put(flag.variant(), (String) flag.value());
                flag.split().ifPresent(split -> variants.put(split.variant(), (String) split.value()));
            }
            definition.put("defaultVariant", flag.variant());
            flag.split().ifPresent(split -> definition.set("targeting", fractional(flag, split)));
            ObjectNode metadata = definition.putObject("metadata");
            flag.metadata().forEach(metadata::put);
        }
        return root.toPrettyString();
    }

    /** {@code {"fractional": [[<in>, P], [<out>, 100 - P]]}}: flagd buckets {@code flagKey + targetingKey}. */
    private static ObjectNode fractional(Flag flag, FlagSplit split) {
        ObjectNode targeting = JSON.createObjectNode();
        ArrayNode shares = targeting.putArray("fractional");
        shares.addArray().add(split.variant()).add(split.percent());
        shares.addArray().add(flag.variant()).add(100 - split.percent());
        return targeting;
    }

    private static ObjectNode evaluation(Flag flag) {
        ObjectNode node = JSON.createObjectNode().put("key", flag.key());
        if (flag.value() instanceof Boolean bool) {
            node.put("value", bool);
        } else {
            node.put("value", (String) flag.value());
        }
        node.put("variant", flag.variant());
        ObjectNode metadata = node.putObject("metadata");
        flag.metadata().forEach(metadata::put);
        flag.split().ifPresent(split -> {
            ObjectNode share = node.putObject("split").put("percent", split.percent()).put("step", split.step());
            if (split.value() instanceof Boolean bool) {
                share.put("value", bool);
            } else {
                share.put("value", (String) split.value());
            }
            share.put("variant", split.variant());
        });
        return node;
    }
}
