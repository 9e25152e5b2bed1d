package dev.detour.notifications.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SlackApiCallsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SlackApiCalls calls = new SlackApiCalls(registry);

    @Test
    void anAnswerCountsAsOkOrAsTheErrorSlackNamed() {
        calls.answered("chat.postMessage", response(true, null));
        calls.answered("chat.postMessage", response(false, "channel_not_found"));
        calls.answered("chat.postMessage", response(false, "channel_not_found"));

        assertEquals(1, count("chat.postMessage", "ok"));
        assertEquals(2, count("chat.postMessage", "channel_not_found"));
    }

    @Test
    void httpFailuresCountAsRateLimitedOrByStatus() {
        calls.failed("chat.update", exception(429));
        calls.failed("chat.update", exception(503));
        calls.status("response_url", 404);
        calls.status("response_url", 200);
        calls.unreachable("chat.update");

        assertEquals(1, count("chat.update", "ratelimited"));
        assertEquals(1, count("chat.update", "http_503"));
        assertEquals(1, count("chat.update", "io_error"));
        assertEquals(1, count("response_url", "http_404"));
        assertEquals(1, count("response_url", "ok"));
    }

    @Test
    void anErrorNotShapedLikeSlacksCodesCountsAsOtherSoSeriesStayFew() {
        calls.answered("chat.postMessage", response(false, "<html>Bad Gateway</html> from proxy 10.0.0.7"));
        calls.answered("chat.postMessage", response(false, null));

        assertEquals(2, count("chat.postMessage", "other"));
        assertNull(registry.find(SlackApiCalls.METER).tag("outcome", "<html>Bad Gateway</html> from proxy 10.0.0.7")
                .counter());
    }

    private double count(String method, String outcome) {
        Counter counter = registry.find(SlackApiCalls.METER).tags("method", method, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static ChatPostMessageResponse response(boolean ok, String error) {
        ChatPostMessageResponse response = new ChatPostMessageResponse();
        response.setOk(ok);
        response.setError(error);
        return response;
    }

    private static SlackApiException exception(int status) {
        Response response = new Response.Builder().request(new Request.Builder().url("http://slack.test/api/x")
                .build()).protocol(Protocol.HTTP_1_1).code(status).message("status " + status).build();
        return new SlackApiException(response, "");
    }
}
