package dev.detour.notifications.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A LiteLLM proxy over real HTTP, as far as Detour uses one. Built from LiteLLM's own source
 * ({@code BerriAI/litellm}, {@code litellm/proxy/management_endpoints/model_management_endpoints.py} and its
 * proxy tests), not from Detour's wishes:
 * <ul>
 *   <li>{@code POST /model/block} and {@code /model/unblock} take {@code {"model_id": ...}} (the deployment's
 *       {@code model_info.id}) and a {@code litellm-changed-by} header; only a proxy admin key may change the
 *       flag: any other key gets 403 {@code {"error":{"message":"Only proxy admins can change a model's blocked
 *       flag.","type":"auth_error","param":"blocked","code":"403"}}}; an unknown key gets 401.</li>
 *   <li>A deployment from the proxy's {@code config.yaml} (not stored in the database) answers 400
 *       {@code "Cannot edit config-based model. Store model in DB via /model/new first."}; an unknown id 404
 *       {@code "Model <id> not found on proxy."}.</li>
 *   <li>LiteLLM's own tests read the flag back from {@code /model/info} because {@code /model/block} can answer
 *       non-2xx though the database write landed: {@link #answerWritesWith} reproduces that.</li>
 *   <li>{@code GET /model/info} lists {@code data[]} with {@code model_name}, {@code litellm_params} and
 *       {@code model_info.id}, {@code model_info.db_model}, {@code model_info.blocked}.</li>
 *   <li>Several proxy pods behind one address: a write lands in the shared database at once, but each pod other
 *       than the first shows it only after its own reload ({@link #withLatePod}, {@link #reloadLatePod});
 *       {@code /model/info} answers from the pods in turn, as a load balancer does.</li>
 * </ul>
 */
public final class FakeLiteLlm implements AutoCloseable {
    public static final String MASTER_KEY = "sk-litellm-master-0123456789abcdef";
    public static final String USER_KEY = "sk-litellm-internal-user-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One deployment as the shared database holds it. */
    public record Deployment(String id, String modelName, boolean fromConfig, boolean blocked) {
        Deployment withBlocked(boolean value) {
            return new Deployment(id, modelName, fromConfig, value);
        }
    }

    /** A block or unblock call as it arrived. */
    public record Call(String path, String modelId, String changedBy, String authorization, int answered) {
    }

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Deployment> database = new LinkedHashMap<>();
    private Map<String, Deployment> latePod;
    private final AtomicInteger turn = new AtomicInteger();
    private final List<Call> calls = new ArrayList<>();
    private int writeStatus = 200;
    private int infoReads;
    private HttpServer server;
    private final int port;

    public FakeLiteLlm() throws IOException {
        server = start(0);
        port = server.getAddress().getPort();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public synchronized FakeLiteLlm deployment(String id, String modelName) {
        database.put(id, new Deployment(id, modelName, false, false));
        return this;
    }

    /** A deployment from the proxy's config.yaml: it cannot be blocked through the API. */
    public synchronized FakeLiteLlm configDeployment(String id, String modelName) {
        database.put(id, new Deployment(id, modelName, true, false));
        return this;
    }

    /** Writes land, but the answer is this status (LiteLLM's serialization envelope after a landed write). */
    public synchronized FakeLiteLlm answerWritesWith(int status) {
        writeStatus = status;
        return this;
    }

    /** A second pod that shows the database as it is now until {@link #reloadLatePod}. */
    public synchronized FakeLiteLlm withLatePod() {
        latePod = new LinkedHashMap<>(database);
        return this;
    }

    public synchronized void reloadLatePod() {
        latePod = new LinkedHashMap<>(database);
    }

    public synchronized boolean blocked(String id) {
        return database.get(id).blocked();
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized int infoReads() {
        return infoReads;
    }

    /** The proxy goes away: connections are refused. */
    public synchronized void down() {
        server.stop(0);
    }

    /** Back on the same port. */
    public synchronized void up() throws IOException {
        server = start(port);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private HttpServer start(int onPort) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 32);
        http.setExecutor(threads);
        http.createContext("/model/info", this::info);
        http.createContext("/model/block", exchange -> write(exchange, true));
        http.createContext("/model/unblock", exchange -> write(exchange, false));
        http.start();
        return http;
    }

    private void info(HttpExchange exchange) throws IOException {
        String role = role(exchange);
        if (role == null) {
            answer(exchange, 401, error("Authentication Error, Invalid proxy server token passed.", "auth_error",
                    null, 401));
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode data = body.putArray("data");
        synchronized (this) {
            infoReads++;
            Map<String, Deployment> pod = latePod != null && turn.getAndIncrement() % 2 == 1 ? latePod : database;
            for (Deployment deployment : pod.values()) {
                ObjectNode row = data.addObject().put("model_name", deployment.modelName());
                row.putObject("litellm_params").put("model", "anthropic/" + deployment.modelName());
                row.putObject("model_info").put("id", deployment.id()).put("db_model", !deployment.fromConfig())
                        .put("blocked", deployment.blocked());
            }
        }
        answer(exchange, 200, body);
    }

    private void write(HttpExchange exchange, boolean blocked) throws IOException {
        String path = exchange.getRequestURI().getPath();
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        String id = request.path("model_id").asText("");
        String role = role(exchange);
        int status;
        ObjectNode body;
        synchronized (this) {
            Deployment deployment = database.get(id);
            if (role == null) {
                status = 401;
                body = error("Authentication Error, Invalid proxy server token passed.", "auth_error", null, 401);
            } else if (!role.equals("proxy_admin")) {
                status = 403;
                body = error("Only proxy admins can change a model's blocked flag.", "auth_error", "blocked", 403);
            } else if (deployment == null) {
                status = 404;
                body = error("Model " + id + " not found on proxy.", "not_found_error", null, 404);
            } else if (deployment.fromConfig()) {
                status = 400;
                body = error("Cannot edit config-based model. Store model in DB via /model/new first.",
                        "bad_request_error", null, 400);
            } else {
                database.put(id, deployment.withBlocked(blocked));
                status = writeStatus;
                body = status / 100 == 2 ? JSON.createObjectNode().put("model_id", id).put("blocked", blocked)
                        : JSON.createObjectNode().put("detail", "Internal Server Error");
            }
            calls.add(new Call(path, id, exchange.getRequestHeaders().getFirst("litellm-changed-by"),
                    exchange.getRequestHeaders().getFirst("Authorization"), status));
        }
        answer(exchange, status, body);
    }

    private static String role(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (("Bearer " + MASTER_KEY).equals(authorization)) {
            return "proxy_admin";
        }
        return ("Bearer " + USER_KEY).equals(authorization) ? "internal_user" : null;
    }

    private static ObjectNode error(String message, String type, String param, int code) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error").put("message", message).put("type", type);
        if (param == null) {
            error.putNull("param");
        } else {
            error.put("param", param);
        }
        error.put("code", Integer.toString(code));
        return body;
    }

    private static void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
