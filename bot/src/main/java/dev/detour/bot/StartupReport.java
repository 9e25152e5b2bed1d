package dev.detour.bot;

import dev.detour.incidents.catalog.DetourConfig;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells the operator, once at start-up, what this instance runs on: config, database, Slack or console. */
@Singleton
public class StartupReport {
    private static final Logger LOG = LoggerFactory.getLogger(StartupReport.class);

    private final DetourConfig config;
    private final String databaseUrl;
    private final boolean slackConfigured;

    public StartupReport(DetourConfig config, @Value("${datasources.default.url}") String databaseUrl,
                         @Value("${slack.bot-token:}") String slackBotToken) {
        this.config = config;
        this.databaseUrl = databaseUrl;
        this.slackConfigured = !slackBotToken.isBlank();
    }

    @EventListener
    public void onStartup(StartupEvent event) {
        LOG.info("config {}: {} providers, {} models, {} task classes", config.source(),
                config.catalog().providers().size(), config.catalog().models().size(),
                config.catalog().taskClasses().size());
        LOG.info("database {}", databaseUrl.replaceAll("password=[^;&]*", "password=***"));
        if (!slackConfigured) {
            LOG.info("console mode: SLACK_BOT_TOKEN is not set, so nothing is sent to Slack");
        }
    }
}
