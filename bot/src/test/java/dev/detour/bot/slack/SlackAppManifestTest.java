package dev.detour.bot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.detour.messages.Interactions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Slack app manifest in deploy/ is one Slack accepts (its published schema, vendored under
 * test resources slack-manifest-schema/), agrees with what the code registers, and the docs explain every scope.
 */
class SlackAppManifestTest {
    private static final Path ROOT = Path.of("..");
    /** Where Slack's main schema finds the versioned ones; served from the vendored copy, never the network. */
    private static final String SCHEMA_RELEASE = "https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/";
    private final JsonNode manifest = read(ROOT.resolve("deploy/slack-app-manifest.yml"));

    @Test
    void theManifestIsValidAgainstSlacksPublishedSchema() {
        assertEquals(List.of(), schemaErrors(manifest));
    }

    @Test
    void theSchemaCheckRefusesAShortcutNameOverSlacksLimit() {
        JsonNode tooLong = manifest.deepCopy();
        ((ObjectNode) tooLong.path("features").path("shortcuts").get(0))
                .put("name", "Declare AI provider incident");
        List<String> errors = schemaErrors(tooLong);
        assertFalse(errors.isEmpty());
        assertTrue(errors.stream().anyMatch(error -> error.contains("/features/shortcuts/0/name")), errors.toString());
    }

    @Test
    void everyRequestUrlIsTheEventsEndpoint() {
        List<String> urls = new ArrayList<>();
        manifest.path("features").path("slash_commands").forEach(command -> urls.add(command.path("url").asText()));
        urls.add(manifest.path("settings").path("interactivity").path("request_url").asText());
        urls.add(manifest.path("settings").path("event_subscriptions").path("request_url").asText());
        assertEquals(3, urls.size());
        urls.forEach(url -> assertTrue(url.startsWith("https://") && url.endsWith("/slack/events"), url));
    }

    @Test
    void theCommandShortcutAndEventAreTheOnesDetourHandles() {
        JsonNode command = manifest.path("features").path("slash_commands").get(0);
        assertEquals("/detour", command.path("command").asText());
        JsonNode shortcut = manifest.path("features").path("shortcuts").get(0);
        assertEquals("global", shortcut.path("type").asText());
        assertEquals(Interactions.DECLARE_SHORTCUT, shortcut.path("callback_id").asText());
        assertEquals("Declare AI incident", shortcut.path("name").asText());
        assertEquals("app_home_opened", manifest.path("settings").path("event_subscriptions").path("bot_events")
                .get(0).asText());
        assertTrue(manifest.path("features").path("app_home").path("home_tab_enabled").asBoolean());
        assertTrue(manifest.path("settings").path("interactivity").path("is_enabled").asBoolean());
    }

    @Test
    void theBotAsksForTheMinimalScopesAndTheDocsExplainEach() throws IOException {
        Set<String> scopes = new TreeSet<>();
        manifest.path("oauth_config").path("scopes").path("bot").forEach(scope -> scopes.add(scope.asText()));
        assertEquals(Set.of("commands", "chat:write", "usergroups:read", "channels:join", "channels:history",
                "groups:history"), scopes);
        String docs = Files.readString(ROOT.resolve("docs/slack.md"));
        scopes.forEach(scope -> assertTrue(docs.contains("| `" + scope + "` |"), "docs/slack.md explains " + scope));
    }

    private static List<String> schemaErrors(JsonNode candidate) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, builder -> builder
                .schemaLoader(loader -> loader.schemaIdResolvers(resolvers -> resolvers
                        .mapPrefix(SCHEMA_RELEASE, "classpath:slack-manifest-schema/"))));
        Schema schema = registry.getSchema(SchemaLocation.of("classpath:slack-manifest-schema/manifest.schema.json"));
        return schema.validate(candidate).stream().map(Object::toString).toList();
    }

    private static JsonNode read(Path path) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(path.toFile());
        } catch (IOException e) {
            throw new AssertionError("cannot read " + path, e);
        }
    }
}
