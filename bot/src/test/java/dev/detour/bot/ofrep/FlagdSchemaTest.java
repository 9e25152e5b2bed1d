package dev.detour.bot.ofrep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.flags.FlagSet;
import dev.detour.incidents.recovery.RampShare;
import dev.detour.incidents.routing.Availability;
import dev.detour.incidents.testing.RampingStatus;
import dev.detour.notifications.flags.FlagDocuments;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.detour.incidents.SeedCatalog.ANTHROPIC;
import static dev.detour.incidents.SeedCatalog.GPT_5;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The flagd file is valid by flagd's own schema (the copy inside the flagd provider's jar), with and without ramps
 * (docs/flags.md). flagd's evaluator skips that check when it cannot load the schema, so it is made here.
 */
class FlagdSchemaTest {
    private static final Instant AT = Instant.parse("2026-06-07T12:40:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String flagd(Availability off, RampShare... ramps) {
        return FlagDocuments.flagd(FlagSet.of(RampingStatus.of(SeedCatalog.catalog(), off, AT, ramps),
                SeedCatalog.catalog()));
    }

    @Test
    void theFlagFileIsValidWithoutARamp() throws Exception {
        assertEquals(List.of(), errors(JSON.readTree(flagd(Availability.allAvailable().withModel(OPUS_48, false)))));
    }

    @Test
    void theFlagFileIsValidWhileAModelAndAProviderRamp() throws Exception {
        JsonNode document = JSON.readTree(flagd(Availability.allAvailable().withModel(GPT_5, false),
                RampingStatus.ramp(Target.model(OPUS_48), 10, 1, AT),
                RampingStatus.ramp(Target.provider(ANTHROPIC), 50, 2, AT)));

        assertFalse(document.path("flags").path("model.claude-opus-4-8.enabled").path("targeting").isMissingNode());
        assertEquals(List.of(), errors(document));
    }

    @Test
    void theSchemaCheckRefusesAShareWithoutAVariant() throws Exception {
        ObjectNode document = (ObjectNode) JSON.readTree(flagd(Availability.allAvailable(),
                RampingStatus.ramp(Target.model(OPUS_48), 10, 1, AT)));
        ((ObjectNode) document.path("flags").path("model.claude-opus-4-8.enabled"))
                .set("targeting", JSON.readTree("{\"fractional\":[[10],[\"off\",90]]}"));

        assertFalse(errors(document).isEmpty());
    }

    private static List<String> errors(JsonNode document) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, builder -> builder
                .schemaLoader(loader -> loader.schemaIdResolvers(resolvers -> resolvers
                        .mapPrefix("https://flagd.dev/schema/v0/", "classpath:flagd/schemas/"))));
        Schema schema = registry.getSchema(SchemaLocation.of("classpath:flagd/schemas/flags.json"));
        return schema.validate(document).stream().map(Object::toString).toList();
    }
}
