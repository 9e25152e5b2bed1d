package dev.detour.bot;

import dev.detour.bot.process.DetourProcess;
import dev.detour.incidents.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged {@code bot/target/detour.jar}, started the way an operator starts it. */
class DetourJarIT {
    @TempDir
    Path workingDirectory;

    @Test
    void theJarServesTheExampleCatalogOnEmbeddedDefaultsAndExitsZeroOnSigterm() throws Exception {
        try (DetourProcess detour = DetourProcess.start(workingDirectory, Map.of())) {
            HttpClient http = HttpClient.newHttpClient();
            detour.awaitHealthy(http);

            String status = http.send(HttpRequest.newBuilder(detour.uri("/api/status")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (String id : new String[] {"anthropic", "openai", "claude-opus-4-8", "claude-opus-4-7", "gpt-5",
                    "meeting-summary", "code-migration", "legal-review"}) {
                assertTrue(status.contains("\"" + id + "\""), id + " in " + status);
            }
            assertTrue(Files.isDirectory(workingDirectory.resolve("data")), "the H2 file lives under ./data");
            assertEquals(0, detour.terminate(), "SIGTERM drains and exits 0: " + detour.output());
        }
    }

    @Test
    void theDemoPlaysTheSeedIncidentInOrderWithItsRecoveryAsARampAndExitsZeroWithinThirtySeconds() throws Exception {
        long started = System.nanoTime();
        try (DetourProcess demo = DetourProcess.start(workingDirectory, Map.of(), "demo")) {
            assertTrue(demo.process().waitFor(30, TimeUnit.SECONDS), "exits by itself within 30 s");
            long seconds = (System.nanoTime() - started) / 1_000_000_000;
            String output = demo.output();

            assertEquals(0, demo.process().exitValue(), output);
            assertTrue(seconds < 30, seconds + " s");
            List<String> inOrder = List.of(
                    "#C0INCIDENTS (incident channel) · new message", "ANTHROPIC DEGRADATION: NO FEATURE AFFECTED",
                    "*Anthropic: Claude Opus 4.8", "INC-1 · investigating",
                    "*failing* (30% errors, 12 of 40 requests) but still on",
                    "[Disable Claude Opus 4.8]",
                    "/detour disable anthropic", "CONFIRM · NOTHING HAS CHANGED YET",
                    "• Support reply drafts: now primary → Claude Sonnet 4.6 · after fallback → GPT-5",
                    "Claude Sonnet 4.6: *healthy* · 0.2% errors over 1,240 requests in the last 1m",
                    "*Support would be told*",
                    "Switching off a whole provider needs a second on-call member",
                    "[Confirm] [Disable only the failing models] [Cancel]",
                    "presses [Disable only the failing models]",
                    "ANTHROPIC OUTAGE: 3 FEATURES AFFECTED", "*Anthropic: Claude Opus 4.8 and 4.7 failing*",
                    "*off* since 07:15 UTC, switched off by <@U0ALICE>",
                    "[Enable Claude Opus 4.7] [Enable Claude Opus 4.8] [Post update]",
                    "#C0SUPPORT (support channel) · new message", "Meeting summaries: running on GPT-5 for now.",
                    "Contract review: paused until Claude Opus 4.8 is back.", "All other AI features work as usual.",
                    "[Approve: use GPT-5] [Deny: keep it paused]",
                    "/detour consent code-migration approve",
                    "Since the last update: Code migration plans: no longer paused, now on GPT-5.",
                    "Code migration plans: running on GPT-5 for now.",
                    "Approved by <@U0ALICE> at 07:18 UTC — *Code migration plans* now on GPT-5",
                    "support has had no update for", "[Post update]",
                    "#C0MANAGERS (summary channel) · new message", "Contract review*: paused for 41m",
                    "Our gateway reports Claude Opus 4.8, Claude Opus 4.7 healthy again",
                    "[Switch Claude Opus 4.8 back on] [Switch Claude Opus 4.7 back on]",
                    "/detour enable claude-opus-4-8 claude-opus-4-7", "*Coming back step by step*",
                    "• Claude Opus 4.8 — coming back: 10% of traffic since 12:40 UTC, next step 12:45 UTC if healthy",
                    "• Meeting summaries: moving back to Claude Opus 4.8 gradually.",
                    "• Claude Opus 4.8: coming back step by step, started by <@U0ALICE> at 12:40 UTC (see the root"
                            + " message)",
                    "Claude Opus 4.8 is coming back step by step: 10% of traffic from now",
                    "════ 12:45 UTC",
                    "• Claude Opus 4.8 — coming back: 50% of traffic since 12:45 UTC, next step 12:50 UTC if healthy"
                            + " · last hold: 40 requests, 0% errors, p95",
                    "Claude Opus 4.8 is coming back: 50% of traffic since 12:45 UTC (40 requests, 0% errors",
                    "════ 12:50 UTC", "Claude Opus 4.7 is back: 100% of traffic",
                    "ALL CLEAR: AI FEATURES ARE BACK TO NORMAL", "Claude Opus 4.8 is back: 100% of traffic",
                    "#C0SUPPORT (support channel) · new message", "RESOLVED: THE OUTAGE IS OVER",
                    "Customers have been served normally since",
                    "From the on-call team: Contract reviews queued during the outage have all run",
                    "#C0MANAGERS (summary channel) · new message", "INCIDENT SUMMARY: INC-1",
                    "*Anthropic: Claude Opus 4.8 and 4.7 failing (Outage), resolved*", "Users affected for 5h 35m",
                    "• Contract review: paused for 5h 35m",
                    "• Claude Opus 4.7, Claude Opus 4.8 came back step by step (10% → 50% → 100%): 100% 10m after it"
                            + " was first enabled; rollbacks: 0",
                    "Found by our gateway", "*Who decided what*",
                    "<@U0ALICE> switched off Claude Opus 4.7, Claude Opus 4.8 — only the failing models; switching"
                            + " off all of Anthropic was proposed and avoided", "`/detour summary INC-1 full`",
                    "Demo finished: INC-1 resolved.");
            int from = 0;
            for (String expected : inOrder) {
                int at = output.indexOf(expected, from);
                assertTrue(at >= 0, "'" + expected + "' after position " + from + " in:\n" + output);
                from = at + expected.length();
            }
            String summary = output.substring(output.indexOf("INCIDENT SUMMARY: INC-1"));
            List<String> summaryLines = summary.substring(0, summary.indexOf("\n\n")).lines().toList();
            assertTrue(summaryLines.size() <= 15, "the manager summary reads in two minutes: "
                    + summaryLines.size() + " lines\n" + String.join("\n", summaryLines));
            assertFalse(summaryLines.stream().anyMatch(line -> line.startsWith("   • ")
                    && line.matches(".*paused for [^,]*, paused for.*")), "back-to-back pauses show as one");
            assertFalse(output.contains("INC-2"), "one provider's trouble is one incident");
            assertTrue(output.contains("Disabled Claude Opus 4.7 (`claude-opus-4-7`), Claude Opus 4.8"
                    + " (`claude-opus-4-8`) (INC-1)."), "the narrower switch-off applied at once: " + output);
            assertEquals(output.indexOf("Support reply drafts: running on GPT-5"),
                    output.lastIndexOf("Support reply drafts: running on GPT-5"), "only the preview of the wider"
                            + " switch-off would move the feature on healthy Sonnet; no support post says so");
            assertFalse(output.contains("Exception"), output);
            assertFalse(output.contains(" ERROR "), output);
            assertFalse(Files.exists(workingDirectory.resolve("data")), "the demo leaves no database behind");
        }
    }

    @Test
    void theDemoWithServeKeepsItsDatabaseAndServesTheSeedIncident() throws Exception {
        try (DetourProcess demo = DetourProcess.start(workingDirectory, Map.of(), "demo", "--serve")) {
            HttpClient http = HttpClient.newHttpClient();
            demo.awaitHealthy(http);

            assertTrue(demo.output().contains("Demo finished: INC-1 resolved."), demo.output());
            String incidents = http.send(HttpRequest.newBuilder(demo.uri("/api/incidents")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(incidents.contains("INC-1"), incidents);
            String status = http.send(HttpRequest.newBuilder(demo.uri("/api/status")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(status.contains("\"legal-review\""), status);
            String page = http.send(HttpRequest.newBuilder(demo.uri("/status")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(page.contains("All clear: AI features are back to normal"), page);
            assertTrue(Files.isDirectory(workingDirectory.resolve("data/demo")), "the demo's database is kept");
            assertEquals(0, demo.terminate(), demo.output());
        }
    }

    @Test
    void inConsoleModeADetourCommandTypedOnStandardInputRunsAsOnCallAndShowsTheFallback() throws Exception {
        try (DetourProcess detour = DetourProcess.start(workingDirectory, Map.of())) {
            detour.awaitHealthy(HttpClient.newHttpClient());
            Writer typed = new OutputStreamWriter(detour.process().getOutputStream(), StandardCharsets.UTF_8);
            typed.write("/detour disable claude-opus-4-8 -- trying the fallback without Slack\n");
            typed.flush();

            Await.await(() -> detour.output().contains("Meeting summaries: running on GPT-5 for now."), Duration.ofSeconds(60),
                    "the support post of the fallback, printed by the console");
            String output = detour.output();
            int answer = output.indexOf("── (only @U0ALICE sees this)");
            assertTrue(answer >= 0, output);
            assertTrue(output.indexOf("Disabled", answer) > answer, output);
            assertTrue(output.contains("GPT-5"), output);
            assertFalse(output.contains(" ERROR "), output);
        }
    }

    @Test
    void inConsoleModeASwitchOffThatAsksToConfirmIsConfirmedByTypingConfirm() throws Exception {
        try (DetourProcess detour = DetourProcess.start(workingDirectory, Map.of())) {
            detour.awaitHealthy(HttpClient.newHttpClient());
            Writer typed = new OutputStreamWriter(detour.process().getOutputStream(), StandardCharsets.UTF_8);
            typed.write("/detour disable anthropic -- trying the fallback without Slack\n");
            typed.flush();
            Await.await(() -> detour.output().contains("/detour confirm, /detour confirm narrower or /detour cancel"),
                    Duration.ofSeconds(60), "the preview, with how to press its buttons in a console");
            // The preview quotes the support post it would make; the support channel gets nothing yet.
            assertFalse(detour.output().contains("#C0SUPPORT (support channel)"), "not applied yet");

            typed.write("/detour confirm\n");
            typed.flush();
            // The example config turns the two-person rule on: Confirm asks a second on-call member to approve.
            Await.await(() -> detour.output().contains("needs a second on-call member. I asked in the incident thread"),
                    Duration.ofSeconds(60), "the request for approval");
            // The preview quoted the support post already: what counts is that the support channel got nothing.
            assertFalse(detour.output().contains("#C0SUPPORT (support channel)"), "not applied yet");

            typed.write("/detour disable anthropic --now -- nobody else is on call\n");
            typed.flush();

            Await.await(() -> detour.output().contains("#C0SUPPORT (support channel)"),
                    Duration.ofSeconds(60), "the support post of the switch-off applied at once");
            assertFalse(detour.output().contains(" ERROR "), detour.output());
        }
    }

    @Test
    void aPortInUseStopsStartUpWithOneLineNamingTheSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"));
             DetourProcess detour = DetourProcess.start(workingDirectory,
                     Map.of("MICRONAUT_SERVER_PORT", String.valueOf(taken.getLocalPort())))) {
            assertTrue(detour.process().waitFor(60, TimeUnit.SECONDS), "exits by itself");
            String output = detour.output();
            assertEquals(2, detour.process().exitValue(), output);
            assertTrue(output.contains("detour: cannot start: port " + taken.getLocalPort() + " is already in use"),
                    output);
            assertTrue(output.contains("MICRONAUT_SERVER_PORT"), output);
            assertFalse(output.contains("\tat "), "no stack trace: " + output);
        }
    }

    @Test
    void aBrokenConfigStopsStartUpWithOneLineNamingFileAndLine() throws Exception {
        Path config = workingDirectory.resolve("broken.yml");
        Files.writeString(config, """
                detour:
                  providers:
                    - id: anthropic
                      models:
                        - { id: claude-opus-4-8 }
                  task-classes:
                    - { id: meeting-summary, route: [claude-opus-4-9], failover: auto }
                  slack:
                    incident-channel: C0INCIDENTS
                    on-call: [U0ALICE]
                """);
        try (DetourProcess detour = DetourProcess.start(workingDirectory, Map.of("DETOUR_CONFIG", config.toString()))) {
            assertTrue(detour.process().waitFor(30, TimeUnit.SECONDS), "exits by itself");
            String output = detour.output();
            assertEquals(2, detour.process().exitValue(), output);
            assertTrue(output.contains(config + ":7:"), output);
            assertTrue(output.contains("claude-opus-4-9"), output);
            assertFalse(output.contains("Exception"), output);
        }
    }

    @Test
    void aConfigFileThatDoesNotExistIsNamed() throws Exception {
        try (DetourProcess detour = DetourProcess.start(workingDirectory,
                Map.of("DETOUR_CONFIG", "/nowhere/detour.yml"))) {
            assertTrue(detour.process().waitFor(30, TimeUnit.SECONDS), "exits by itself");
            String output = detour.output();
            assertEquals(2, detour.process().exitValue(), output);
            assertTrue(output.contains("/nowhere/detour.yml"), output);
        }
    }
}
