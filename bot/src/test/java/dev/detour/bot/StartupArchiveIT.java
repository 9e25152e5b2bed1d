package dev.detour.bot;

import dev.detour.bot.process.DetourProcess;
import dev.detour.bot.testing.RepositoryRoot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The start-up archive of the container image (docs/deploy.md, "The start-up archive"): deploy/record-cds.sh records
 * one from the packaged jar, and a start then takes Detour's classes from it. Both kinds the script makes: the AOT
 * cache of JDK 25 (the image's runtime) and the class-data-sharing archive of JDK 17 (the tests' JVM). How much
 * faster that starts is bench/startup.sh's to measure, not a test's.
 */
class StartupArchiveIT {
    /** A JDK 25 or later, which records an AOT cache; the build machine has Temurin's here. */
    private static final Path JDK_25 = Path.of(System.getProperty("detour.jdk25",
            System.getenv().getOrDefault("DETOUR_JDK25", "/usr/lib/jvm/temurin-25-jdk-amd64")));
    private static final Path TESTS_JDK = Path.of(System.getProperty("java.home"));
    private static final String FROM_THE_ARCHIVE = "dev.detour.bot.Detour source: shared objects file";

    @TempDir
    static Path archives;
    private static Path aotCache;
    private static Path cdsArchive;

    @TempDir
    Path workingDirectory;

    @BeforeAll
    static void recordBoth() throws Exception {
        assertTrue(Files.isExecutable(java(JDK_25)), "a JDK 25 at " + JDK_25 + " (-Ddetour.jdk25 or DETOUR_JDK25)");
        assertTrue(Runtime.version().feature() < 25, "the tests' JVM records the older kind of archive");
        aotCache = record(JDK_25, archives.resolve("detour.aot"));
        cdsArchive = record(TESTS_JDK, archives.resolve("detour.jsa"));
    }

    @Test
    void onJdk25DetourStartsFromTheAotCacheAndServes() throws Exception {
        // AOTMode=on: a cache that cannot be used stops the JVM instead of a silent start without it.
        try (DetourProcess detour = DetourProcess.startOn(java(JDK_25), workingDirectory, Map.of(),
                List.of("-XX:AOTCache=" + aotCache, "-XX:AOTMode=on", "-Xlog:class+load=info"))) {
            detour.awaitHealthy(HttpClient.newHttpClient());
            String output = detour.output();
            assertTrue(output.contains(FROM_THE_ARCHIVE), "Detour's classes come from the cache");
            // deploy/Dockerfile adds no --sun-misc-unsafe-memory-access because JDK 25 prints no such warning.
            assertFalse(output.contains("sun.misc.Unsafe"), "no JEP 498 warning");
            assertEquals(0, detour.terminate(), "SIGTERM drains and exits 0");
        }
    }

    @Test
    void onJdk17DetourStartsFromTheClassDataArchiveAndServes() throws Exception {
        try (DetourProcess detour = DetourProcess.startOn(java(TESTS_JDK), workingDirectory, Map.of(),
                List.of("-XX:SharedArchiveFile=" + cdsArchive, "-Xshare:on", "-Xlog:class+load=info"))) {
            detour.awaitHealthy(HttpClient.newHttpClient());
            assertTrue(detour.output().contains(FROM_THE_ARCHIVE), "Detour's classes come from the archive");
            assertEquals(0, detour.terminate(), "SIGTERM drains and exits 0");
        }
    }

    /**
     * What makes the two tests above meaningful: in the default modes a JVM skips an archive it cannot use and starts
     * without it (JDK 25 logs why; JDK 17 says nothing about an archive of another JVM).
     */
    @Test
    void eachJvmRefusesTheOthersArchiveInItsStrictMode() throws Exception {
        assertRefused(java(JDK_25), List.of("-XX:AOTCache=" + cdsArchive, "-XX:AOTMode=on"), "Unable to use AOT cache");
        assertRefused(java(TESTS_JDK), List.of("-XX:SharedArchiveFile=" + aotCache, "-Xshare:on"),
                "Unable to use shared archive");
    }

    private void assertRefused(Path java, List<String> options, String message) throws Exception {
        try (DetourProcess detour = DetourProcess.startOn(java, workingDirectory, Map.of(), options)) {
            assertTrue(detour.process().waitFor(30, TimeUnit.SECONDS), "exits at once");
            assertNotEquals(0, detour.process().exitValue(), detour.output());
            assertTrue(detour.output().contains(message), detour.output());
        }
    }

    private static Path record(Path jdk, Path archive) throws IOException, InterruptedException {
        Path log = archives.resolve(archive.getFileName() + ".log");
        Path recorder = RepositoryRoot.find().resolve("deploy/record-cds.sh");
        ProcessBuilder builder = new ProcessBuilder("sh", recorder.toString(), DetourProcess.jar().toString(),
                archive.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("DATASOURCES_")
                || name.startsWith("DETOUR_") || name.startsWith("SLACK_") || name.startsWith("MICRONAUT_"));
        builder.environment().put("JAVA", java(jdk).toString());
        builder.environment().put("CDS_PORT", String.valueOf(DetourProcess.freePort()));
        Process process = builder.start();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "records within 3 minutes");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        assertTrue(Files.size(archive) > 0, output);
        return archive;
    }

    private static Path java(Path jdk) {
        return jdk.resolve("bin/java");
    }
}
