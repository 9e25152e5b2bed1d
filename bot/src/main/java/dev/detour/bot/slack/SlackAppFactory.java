package dev.detour.bot.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.model.event.AppHomeOpenedEvent;
import dev.detour.messages.Interactions;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.regex.Pattern;

/** Bolt's {@link App}, with Detour's handlers registered; only with a bot token and a signing secret. */
@Factory
public class SlackAppFactory {
    static final Duration AUTH_TEST_CACHE = Duration.ofMinutes(30);

    @Singleton
    @Bean(preDestroy = "stop")
    @Requires(property = "slack.bot-token")
    @Requires(property = "slack.signing-secret")
    public App app(Slack slack, @Property(name = "slack.bot-token") String botToken,
                   @Property(name = "slack.signing-secret") String signingSecret, SlackHandlers handlers) {
        // Bolt would call auth.test before every request; cached, the 3-second ack never waits on Slack.
        // Bolt's signature check (its RequestVerification middleware) is off: the one HTTP way into this App is
        // SlackEventsController, which refuses an unsigned, badly signed or expired request before Bolt sees it
        // (SlackSignatureCheck, stricter than Bolt's about the future); Socket Mode requests are not signed, and
        // Bolt skips them anyway. Checking twice doubled the HMAC work of every acknowledgement.
        App app = new App(AppConfig.builder().slack(slack).singleTeamBotToken(botToken).signingSecret(signingSecret)
                .requestVerificationEnabled(false)
                .authTestCacheEnabled(true).authTestCacheExpirationMillis(AUTH_TEST_CACHE.toMillis()).build());
        app.command("/detour", handlers::command);
        app.blockAction(Pattern.compile(Pattern.quote("detour.") + ".+"), handlers::blockAction);
        app.viewSubmission(Pattern.compile(Pattern.quote("detour.") + ".+"), handlers::viewSubmission);
        app.globalShortcut(Interactions.DECLARE_SHORTCUT, handlers::declareShortcut);
        app.event(AppHomeOpenedEvent.class, handlers::appHomeOpened);
        return app;
    }
}
