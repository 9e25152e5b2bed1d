package dev.detour.bot;

import dev.detour.bot.config.ConfigLocation;
import dev.detour.bot.signals.ProviderStatusPageSettings;
import dev.detour.incidents.catalog.DetourConfig;
import dev.detour.notifications.email.EmailSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the operator reads at start-up about signals, Slack and email, for the example config. */
class StartupReportTest {
    private static final ProviderStatusPageSettings POLLING = new ProviderStatusPageSettings(true,
            Duration.ofSeconds(60), Duration.ofSeconds(10), 2_000_000);
    private static final EmailSettings NO_EMAIL = new EmailSettings(null, 587, null, null, "detour@localhost", 30);

    @TempDir
    Path folder;

    @Test
    void inConsoleModeItNamesThePolledStatusPagesHowToStopThemAndEachChannel() {
        List<String> lines = report("", "", POLLING, NO_EMAIL).lines();

        assertTrue(lines.get(0).startsWith("status pages: polling every 60s: Anthropic https://status.claude.com,"
                + " OpenAI https://status.openai.com"), lines.get(0));
        assertTrue(lines.get(0).endsWith("(DETOUR_STATUSPAGE_POLL=false turns polling off)"), lines.get(0));
        assertTrue(lines.get(1).startsWith("console mode: SLACK_BOT_TOKEN is not set"), lines.get(1));
        assertEquals("channels: incidents C0INCIDENTS, support C0SUPPORT, manager summaries C0MANAGERS; on-call "
                + "U0ALICE, S0ONCALL", lines.get(2));
        assertTrue(lines.get(3).startsWith("email updates: off"), lines.get(3));
    }

    @Test
    void itTellsSocketModeFromEventsOverHttpAndSaysWhenPollingIsOff() {
        ProviderStatusPageSettings off = new ProviderStatusPageSettings(false, Duration.ofSeconds(60),
                Duration.ofSeconds(10), 2_000_000);
        EmailSettings email = new EmailSettings("smtp.example.com", 587, "detour", "secret", "status@example.com", 30);

        List<String> socket = report("xoxb-1234567890-abcdefghij", "xapp-1-abcdefghijklmnop", off, email).lines();
        List<String> http = report("xoxb-1234567890-abcdefghij", "", POLLING, NO_EMAIL).lines();

        assertTrue(socket.get(0).startsWith("status pages: not polled"), socket.get(0));
        assertTrue(socket.get(1).startsWith("Slack: Socket Mode"), socket.get(1));
        assertEquals("email updates: on, through smtp.example.com:587 from status@example.com", socket.get(3));
        assertTrue(http.get(1).startsWith("Slack: Web API, commands and buttons at POST /slack/events"), http.get(1));
    }

    private StartupReport report(String botToken, String appToken, ProviderStatusPageSettings pages,
                                 EmailSettings email) {
        DetourConfig example = new ConfigLocation(Map.of(), folder).load();
        return new StartupReport(example, "jdbc:h2:mem:x", botToken, appToken, pages, email);
    }
}
