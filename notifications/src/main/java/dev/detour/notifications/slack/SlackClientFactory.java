package dev.detour.notifications.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.util.http.SlackHttpClient;
import dev.detour.incidents.catalog.SlackSettings;
import dev.detour.notifications.http.AnswerLimitInterceptor;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.convert.format.ReadableBytes;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The Slack SDK, pointed at {@code SLACK_API_URL} (Slack itself by default; a proxy or a test's fake otherwise).
 * Without {@code SLACK_BOT_TOKEN} Detour runs in console mode and prints instead of posting. Every call, answer
 * included, has {@code detour.slack.call-timeout}, and an answer over {@code detour.slack.answer-limit} is refused
 * unread (the SDK would read it whole into memory).
 */
@Factory
public class SlackClientFactory {
    public static final String DEFAULT_API_URL = "https://slack.com/api/";

    @Singleton
    @Bean(preDestroy = "close")
    public Slack slack(@Property(name = "slack.api-url", defaultValue = DEFAULT_API_URL) String apiUrl,
                       @Property(name = "detour.slack.answer-limit", defaultValue = "1MB") @ReadableBytes
                       long answerLimit,
                       @Property(name = "detour.slack.call-timeout", defaultValue = "10s") Duration callTimeout) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
        config.setPrettyResponseLoggingEnabled(false);
        // OkHttp's call timeout spans the whole call, reading the answer included; its read timeout is per read.
        config.setHttpClientCallTimeoutMillis(Math.toIntExact(callTimeout.toMillis()));
        SlackHttpClient http = new SlackHttpClient(SlackHttpClient.buildOkHttpClient(config).newBuilder()
                .addInterceptor(new AnswerLimitInterceptor(answerLimit)).build());
        http.setConfig(config);
        return Slack.getInstance(config, http);
    }

    @Singleton
    @Requires(property = "slack.bot-token")
    public MethodsClient methods(Slack slack, @Property(name = "slack.bot-token") String botToken) {
        return slack.methods(botToken);
    }

    @Singleton
    @Named("slack")
    @Requires(property = "slack.bot-token")
    public SlackSender webApi(MethodsClient methods, SlackApiCalls calls) {
        return new WebApiSender(methods, calls);
    }

    @Singleton
    @Named("slack")
    @Requires(missingProperty = "slack.bot-token")
    public SlackSender console(SlackSettings channels) {
        Map<String, String> names = new HashMap<>();
        // One channel may serve several purposes (support and summary default to the incident channel).
        names.merge(channels.summaryChannel(), "summary channel", (a, b) -> b + ", " + a);
        names.merge(channels.supportChannel(), "support channel", (a, b) -> b + ", " + a);
        names.merge(channels.incidentChannel(), "incident channel", (a, b) -> b + ", " + a);
        return new ConsoleSender(System.out, names);
    }
}
