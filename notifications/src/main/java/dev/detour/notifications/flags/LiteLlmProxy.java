package dev.detour.notifications.flags;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detour.notifications.http.AnswerTooLargeException;
import dev.detour.notifications.http.BoundedHttp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The two calls Detour makes to a LiteLLM proxy: {@code GET /model/info} (its deployments with
 * {@code model_name}, {@code model_info.id} and {@code model_info.blocked}) and {@code POST /model/block} or
 * {@code /model/unblock} with {@code {"model_id": ...}}, as a proxy admin ({@code Authorization: Bearer}); the
 * header {@code litellm-changed-by} names who, for LiteLLM's own audit log. Every answer is read up to a limit and
 * within one deadline.
 */
final class LiteLlmProxy {
    /** A proxy with a few thousand deployments answers /model/info in well under this. */
    static final long MODEL_INFO_LIMIT = 8L * 1024 * 1024;
    static final long ANSWER_LIMIT = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BoundedHttp http;
    private final Duration timeout;

    LiteLlmProxy(Duration timeout) {
        this.timeout = timeout;
        this.http = new BoundedHttp(HttpClient.newBuilder().connectTimeout(timeout).build());
    }

    /**
     * One deployment as {@code /model/info} lists it.
     *
     * @param inDatabase {@code model_info.db_model}: false for a deployment from LiteLLM's {@code config.yaml},
     *                   which {@code /model/block} refuses; true when the proxy does not say
     */
    record Deployment(String id, String modelName, boolean blocked, boolean inDatabase) {
        Deployment(String id, String modelName, boolean blocked) {
            this(id, modelName, blocked, true);
        }
    }

    /** What a block or unblock call answered: its status and LiteLLM's own words, when it sent any. */
    record Answer(int status, String message) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    /** @throws IOException when the proxy cannot be reached, answers non-2xx, or its answer is not /model/info's */
    List<Deployment> modelInfo(URI base, String key) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/model/info")).timeout(timeout)
                .header("Authorization", "Bearer " + key).GET().build();
        HttpResponse<byte[]> answer = http.send(request, MODEL_INFO_LIMIT, timeout);
        if (answer.statusCode() / 100 != 2) {
            throw new ProxyRefused(answer.statusCode(), message(answer.body()));
        }
        JsonNode data = JSON.readTree(answer.body()).path("data");
        if (!data.isArray()) {
            throw new IOException("GET /model/info answered without a data list");
        }
        List<Deployment> deployments = new ArrayList<>();
        for (JsonNode row : data) {
            JsonNode info = row.path("model_info");
            deployments.add(new Deployment(info.path("id").asText(""), row.path("model_name").asText(""),
                    info.path("blocked").asBoolean(false), info.path("db_model").asBoolean(true)));
        }
        return deployments;
    }

    Answer setBlocked(URI base, String key, String deploymentId, boolean blocked, String changedBy)
            throws IOException, InterruptedException {
        String body = JSON.createObjectNode().put("model_id", deploymentId).toString();
        HttpRequest request = HttpRequest.newBuilder(base.resolve(blocked ? "/model/block" : "/model/unblock"))
                .timeout(timeout)
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .header("litellm-changed-by", changedBy)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<byte[]> answer = http.send(request, ANSWER_LIMIT, timeout);
            return new Answer(answer.statusCode(), message(answer.body()));
        } catch (AnswerTooLargeException e) {
            return new Answer(e.statusCode(), "");
        }
    }

    /** LiteLLM's words: {@code {"error":{"message"}}} (ProxyException) or {@code {"detail":...}} (HTTPException). */
    static String message(byte[] body) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null) {
                return "";
            }
            JsonNode error = root.path("error");
            if (error.path("message").isTextual()) {
                return error.path("message").asText();
            }
            JsonNode detail = root.path("detail");
            if (detail.path("error").isTextual()) {
                return detail.path("error").asText();
            }
            return detail.isTextual() ? detail.asText() : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** {@code GET /model/info} answered, but not with the list. */
    static final class ProxyRefused extends IOException {
        private final int status;

        ProxyRefused(int status, String message) {
            super("HTTP " + status + (message.isEmpty() ? "" : ": " + message));
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
