package dev.detour.bot;

import dev.detour.bot.signals.ProviderStatusPageSettings;
import dev.detour.incidents.catalog.DetourConfig;
import dev.detour.incidents.catalog.Provider;
import dev.detour.incidents.catalog.SlackSettings;
import dev.detour.notifications.email.EmailSettings;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Tells the operator, once at start-up, what this instance runs on: config, database, which provider status pages
 * it polls (and how to stop that), Slack's mode (Web API with events over HTTP, Socket Mode, or console) and each
 * channel it posts to, and whether customer updates go out by email.
 */
@Singleton
public class StartupReport {
    private static final Logger LOG = LoggerFactory.getLogger(StartupReport.class);

    private final DetourConfig config;
    private final String databaseUrl;
    private final boolean slackConfigured;
    private final boolean socketMode;
    private final ProviderStatusPageSettings statusPages;
    private final EmailSettings email;

    public StartupReport(DetourConfig config, @Value("${datasources.default.url}") String databaseUrl,
                         @Value("${slack.bot-token:}") String slackBotToken,
                         @Value("${slack.app-token:}") String slackAppToken,
                         ProviderStatusPageSettings statusPages, EmailSettings email) {
        this.config = config;
        this.databaseUrl = databaseUrl;
        this.slackConfigured = !slackBotToken.isBlank();
        this.socketMode = slackConfigured && !slackAppToken.isBlank();
        this.statusPages = statusPages;
        this.email = email;
    }

    @EventListener
    public void onStartup(StartupEvent event) {
        LOG.info("config {}: {} providers, {} models, {} task classes", config.source(),
                config.catalog().providers().size(), config.catalog().models().size(),
                config.catalog().taskClasses().size());
        LOG.info("database {}", databaseUrl.replaceAll("password=[^;&]*", "password=***"));
        lines().forEach(LOG::info);
    }

    /** The report's lines about signals, Slack and email, as logged. */
    List<String> lines() {
        SlackSettings slack = config.slack();
        List<Provider> polled = config.catalog().providers().stream().filter(p -> p.statusPage().isPresent())
                .toList();
        String pages = polled.stream().map(p -> p.name() + " " + p.statusPage().orElseThrow())
                .collect(Collectors.joining(", "));
        String statusPageLine;
        if (polled.isEmpty()) {
            statusPageLine = "status pages: no provider has a status-page in the config";
        } else if (statusPages.poll()) {
            statusPageLine = "status pages: polling every " + statusPages.pollInterval().toSeconds() + "s: " + pages
                    + " (DETOUR_STATUSPAGE_POLL=false turns polling off)";
        } else {
            statusPageLine = "status pages: not polled (detour.statuspage.poll is false); webhooks still work: "
                    + pages;
        }
        String slackLine = !slackConfigured
                ? "console mode: SLACK_BOT_TOKEN is not set, so nothing is sent to Slack; messages are printed here"
                : socketMode ? "Slack: Socket Mode (SLACK_APP_TOKEN is set): no public URL needed"
                : "Slack: Web API, commands and buttons at POST /slack/events (set SLACK_APP_TOKEN for Socket Mode)";
        String channels = "channels: incidents " + slack.incidentChannel() + ", support " + slack.supportChannel()
                + ", manager summaries " + slack.summaryChannel() + "; on-call " + String.join(", ", slack.onCall());
        String emailLine = email.enabled()
                ? "email updates: on, through " + email.host().orElseThrow() + ":" + email.smtpPort() + " from "
                + email.from()
                : "email updates: off (set DETOUR_EMAIL_SMTP_HOST to offer them on the status page)";
        return List.of(statusPageLine, slackLine, channels, emailLine);
    }
}
