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
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/**
 * The Slack SDK, pointed at {@code SLACK_API_URL} (Slack itself by default; a proxy or a test's fake otherwise).
 * Without {@code SLACK_BOT_TOKEN} Detour runs in console mode and prints instead of posting. Every call, answer
 * included, has {@code detour.slack.timeout}, and an answer over {@code detour.slack.answer-limit} is refused
 * unread (the SDK would read it whole into memory).
 */
@Factory
public class SlackClientFactory {
    public static final String DEFAULT_API_URL = "https://slack.com/api/";

    @Singleton
    @Bean(preDestroy = "close")
    public Slack slack(@Property(name = "slack.api-url", defaultValue = DEFAULT_API_URL) String apiUrl,
                       SlackDeliverySettings delivery) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
        // The call timeout bounds the whole call: once it has passed, no answer to it can still arrive.
        int timeout = Math.toIntExact(delivery.timeout().toMillis());
        config.setHttpClientCallTimeoutMillis(timeout);
        config.setHttpClientReadTimeoutMillis(timeout);
        config.setHttpClientWriteTimeoutMillis(timeout);
        config.setPrettyResponseLoggingEnabled(false);
        // OkHttp silently sends a request again when the connection closes before the answer; for a post that is
        // a second message. Detour decides itself (after looking in the channel's history), so it never does.
        SlackHttpClient http = new SlackHttpClient(SlackHttpClient.buildOkHttpClient(config).newBuilder()
                .retryOnConnectionFailure(false)
                .addInterceptor(new AnswerLimitInterceptor(delivery.answerLimit())).build());
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
