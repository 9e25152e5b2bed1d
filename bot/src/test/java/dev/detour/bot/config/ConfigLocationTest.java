package dev.detour.bot.config;

import dev.detour.incidents.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConfigLocationTest {
    private static final String SMALL = """
            detour:
              providers:
                - id: local
                  models: [ { id: llama } ]
              task-classes:
                - { id: chat, route: [llama], failover: stop }
              slack: { incident-channel: C1, on-call: [U1] }
            """;

    @TempDir
    Path directory;

    @Test
    void withNothingConfiguredTheBuiltInExampleIsUsed() {
        var config = new ConfigLocation(Map.of(), directory).load();

        assertEquals("detour.example.yml (built in)", config.source());
        assertEquals(4, config.catalog().taskClasses().size());
    }

    @Test
    void aDetourYmlInTheWorkingDirectoryWinsOverTheExample() throws Exception {
        Path local = Files.writeString(directory.resolve("detour.yml"), SMALL);

        assertEquals(local.toString(), new ConfigLocation(Map.of(), directory).load().source());
    }

    @Test
    void detourConfigWinsOverEverything() throws Exception {
        Files.writeString(directory.resolve("detour.yml"), SMALL);
        Path chosen = Files.writeString(directory.resolve("chosen.yml"), SMALL);

        var config = new ConfigLocation(Map.of(ConfigLocation.ENV, chosen.toString()), directory).load();

        assertEquals(chosen.toString(), config.source());
    }

    @Test
    void aDetourConfigThatDoesNotExistIsAnErrorNotASilentFallback() {
        Map<String, String> environment = Map.of(ConfigLocation.ENV, directory.resolve("gone.yml").toString());

        ConfigException problem = assertThrows(ConfigException.class,
                () -> new ConfigLocation(environment, directory).load());

        assertEquals(directory.resolve("gone.yml").toString(), problem.source());
    }
}
