package dev.detour.notifications.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.util.regex.Pattern;

/**
 * Counts calls to Slack by method and outcome: {@code detour_slack_api_calls_total{method,outcome}}. The outcome
 * is {@code ok}, Slack's error code ({@code channel_not_found}), {@code ratelimited} for HTTP 429, {@code http_<n>}
 * for another HTTP failure, or {@code io_error} when Slack could not be reached. Methods are the names callers
 * pass (Slack's own, or {@code response_url}); an error that is not shaped like Slack's codes counts as
 * {@code other}, so a misbehaving proxy cannot grow the number of series.
 */
@Singleton
public class SlackApiCalls {
    public static final String METER = "detour.slack.api.calls";
    public static final String OK = "ok";
    public static final String RATE_LIMITED = "ratelimited";
    public static final String IO_ERROR = "io_error";
    public static final String OTHER = "other";
    private static final Pattern SLACK_ERROR = Pattern.compile("[a-z0-9_]{1,64}");

    private final MeterRegistry registry;

    public SlackApiCalls(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Slack answered HTTP 200: {@code ok}, or the error it named. */
    public void answered(String method, SlackApiTextResponse response) {
        count(method, response.isOk() ? OK : errorCode(response.getError()));
    }

    /** Slack answered another HTTP status (the Web API client throws for those). */
    public void failed(String method, SlackApiException e) {
        status(method, e.getResponse().code());
    }

    /** For calls answered by HTTP status alone, such as {@code response_url}. */
    public void status(String method, int httpStatus) {
        String outcome;
        if (httpStatus >= 200 && httpStatus < 300) {
            outcome = OK;
        } else if (httpStatus == 429) {
            outcome = RATE_LIMITED;
        } else {
            outcome = "http_" + httpStatus;
        }
        count(method, outcome);
    }

    /** No answer at all: refused connection, timeout, broken TLS. */
    public void unreachable(String method) {
        count(method, IO_ERROR);
    }

    private void count(String method, String outcome) {
        Counter.builder(METER)
                .description("Calls to Slack's Web API (and response_url) by method and outcome")
                .tag("method", method)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    static String errorCode(String error) {
        return error != null && SLACK_ERROR.matcher(error).matches() ? error : OTHER;
    }
}
