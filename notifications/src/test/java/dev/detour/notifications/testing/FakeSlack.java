package dev.detour.notifications.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A stand-in for the Slack Web API ({@code https://slack.com/api/}) and for {@code response_url}s, served over
 * real HTTP on 127.0.0.1 so the real Slack client (and Bolt) talk to it unchanged:
 * {@code SlackConfig#setMethodsEndpointUrlPrefix(fake.apiUrl())}.
 *
 * <p>It answers the handful of methods Detour uses the way Slack does (error names, HTTP 200 for API errors,
 * 429 + {@code Retry-After} when rate limited), enforces Slack's documented Block Kit limits, and records every
 * call, rejected ones included. All state sits behind this object's monitor: the app calls it from many
 * threads, and one lock keeps {@link #calls()} in the same order as the {@code ts} values handed out.
 */
public final class FakeSlack implements AutoCloseable {

    public static final String TEAM_ID = "T0DETOUR01";
    public static final String TEAM_NAME = "Detour Test";
    public static final String TEAM_URL = "https://detour-test.slack.com/";
    public static final String BOT_USER_ID = "U0DETOURBOT";
    public static final String BOT_USER_NAME = "detour";
    public static final String BOT_ID = "B0DETOURBOT";

    // Slack's documented limits.
    static final int MAX_MESSAGE_BLOCKS = 50;
    static final int MAX_VIEW_BLOCKS = 100;
    static final int MAX_SECTION_TEXT = 3000;
    static final int MAX_SECTION_FIELDS = 10;
    static final int MAX_SECTION_FIELD_TEXT = 2000;
    static final int MAX_HEADER_TEXT = 150;
    static final int MAX_BLOCK_ID = 255;
    static final int MAX_MESSAGE_TEXT = 40_000;
    static final int MAX_VIEW_TITLE = 24; // modal title, submit and close labels
    static final int RESPONSE_URL_USES = 5;

    private static final Set<String> METHODS = Set.of(
            "auth.test", "chat.postMessage", "chat.update", "chat.postEphemeral",
            "views.open", "views.publish", "views.update", "usergroups.users.list", "conversations.join", "apps.connections.open",
            "conversations.history", "conversations.replies");
    /** What the bot token has unless a test revokes some: everything Detour's manifest asks for. */
    private static final Set<String> ALL_SCOPES = Set.of("commands", "chat:write", "usergroups:read", "channels:join",
            "channels:history", "groups:history");
    static final int MAX_HISTORY_LIMIT = 999; // conversations.history and .replies, per Slack's docs
    static final int DEFAULT_HISTORY_LIMIT = 100;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long FIRST_TS_MICROS = 1_760_000_000_000_000L;

    /** One request to {@code /api/<method>}; {@code error} is null when Slack would have said {@code ok: true}. */
    public record Call(String method, Map<String, String> params, String token, int httpStatus, String error) {
        public boolean ok() {
            return error == null;
        }

        public String param(String name) {
            return params.get(name);
        }
    }

    /** One accepted POST to a URL from {@link #newResponseUrl()}. */
    public record Response(String url, JsonNode body) {
        /** {@code replace_original: true}: it takes the place of the message the interaction came from. */
        public boolean replacesOriginal() {
            JsonNode flag = body.path("replace_original");
            return flag.asBoolean(false) || "true".equals(flag.asText());
        }

        /** {@code delete_original: true}: the message the interaction came from goes. */
        public boolean deletesOriginal() {
            JsonNode flag = body.path("delete_original");
            return flag.asBoolean(false) || "true".equals(flag.asText());
        }

        public String text() {
            return body.path("text").asText("");
        }
    }

    private record Fault(int httpStatus, String error, int retryAfterSeconds) {
    }

    /** What to send back; {@code retryAfterSeconds} below zero means no Retry-After header. */
    private record Reply(int httpStatus, ObjectNode body, int retryAfterSeconds) {
        String error() {
            return body.path("ok").asBoolean(false) ? null : body.path("error").asText(null);
        }
    }

    private static final class Channel {
        boolean botIsMember;
        final boolean isPrivate;
        final Set<String> messageTs = new HashSet<>(); // what chat.update may edit
        final List<ObjectNode> messages = new ArrayList<>(); // oldest first, as conversations.* serve them

        Channel(boolean botIsMember, boolean isPrivate) {
            this.botIsMember = botIsMember;
            this.isPrivate = isPrivate;
        }
    }

    /** How every chat.* call is answered while a test wants Slack to misbehave (see {@link #slowChat}). */
    private enum ChatMode { NORMAL, SLOW, CLOSE, FAIL_500 }

    private final String botToken;
    private String appToken; // guarded by "this"
    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;

    // Guarded by "this".
    private final Map<String, Channel> channels = new HashMap<>();
    private final Map<String, List<String>> userGroups = new HashMap<>();
    private final Map<String, Deque<Fault>> faults = new HashMap<>();
    private final Map<String, String> homeViewIds = new HashMap<>();
    private final Map<String, Integer> responseUrlUses = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private final List<Response> responses = new ArrayList<>();
    /** A press's response_url → the message (an earlier response) its button was on. */
    private final Map<String, Response> pressedOn = new HashMap<>();
    /** What the person sees of the responses, oldest first: a replaced one is gone, its replacement in its place. */
    private final List<Response> onScreen = new ArrayList<>();
    private final List<String> rejectedResponses = new ArrayList<>();
    private final Set<String> scopes = new HashSet<>(ALL_SCOPES);
    private ChatMode chatMode = ChatMode.NORMAL;
    private Duration chatDelay = Duration.ZERO;
    private long lastTsMicros = FIRST_TS_MICROS;
    private long viewCounter;

    private FakeSlack(String botToken) throws IOException {
        this.botToken = botToken;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 128);
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-slack");
            thread.setDaemon(true); // a test that forgets close() must not hang the JVM
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/api/", exchange -> serve(exchange, this::handleApi));
        server.createContext("/response/", exchange -> serve(exchange, this::handleResponseUrl));
        server.createContext("/", exchange -> serve(exchange,
                ex -> send(ex, new Reply(404, error("not_found"), -1))));
        server.start();
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public static FakeSlack start(String botToken) {
        if (botToken == null || botToken.isEmpty()) {
            throw new IllegalArgumentException("a bot token is required");
        }
        try {
            return new FakeSlack(botToken);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake Slack", e);
        }
    }

    /** {@code http://127.0.0.1:PORT/api/}, for {@code SlackConfig#setMethodsEndpointUrlPrefix}. */
    public String apiUrl() {
        return baseUrl + "/api/";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------------------------------------- set-up

    /** The app-level token {@code apps.connections.open} (Socket Mode) accepts. No WebSocket is served. */
    public synchronized void acceptAppToken(String token) {
        this.appToken = token;
    }

    public synchronized void addChannel(String id, boolean botIsMember) {
        channels.put(id, new Channel(botIsMember, false));
    }

    /** A private channel: reading its history takes {@code groups:history}, not {@code channels:history}. */
    public synchronized void addPrivateChannel(String id, boolean botIsMember) {
        channels.put(id, new Channel(botIsMember, true));
    }

    /** The bot token loses a scope: methods that need it answer {@code missing_scope} with needed/provided. */
    public synchronized void revokeScope(String scope) {
        scopes.remove(scope);
    }

    /**
     * Every chat.* call is carried out at once (a post is in the channel) but answered only after {@code delay},
     * as a Slack that is slow to answer. Until {@link #clearFaults()}.
     */
    public synchronized void slowChat(Duration delay) {
        chatMode = ChatMode.SLOW;
        chatDelay = delay;
    }

    /** Every chat.* call is carried out, then the connection is closed without an answer. Until clearFaults(). */
    public synchronized void closeChat() {
        chatMode = ChatMode.CLOSE;
    }

    /** Every chat.* call answers HTTP 500 {@code internal_error} and does nothing. Until clearFaults(). */
    public synchronized void failChat() {
        chatMode = ChatMode.FAIL_500;
    }

    /** The messages of a channel as conversations.history would list them (top level), oldest first. */
    public synchronized List<JsonNode> history(String channel) {
        Channel found = channels.get(channel);
        return found == null ? List.of() : found.messages.stream().filter(FakeSlack::isTopLevel)
                .map(message -> (JsonNode) message.deepCopy()).toList();
    }

    /** Every message of a channel as it reads now (edits applied), thread replies included, oldest first. */
    public synchronized List<JsonNode> messagesNow(String channel) {
        Channel found = channels.get(channel);
        return found == null ? List.of() : found.messages.stream().map(message -> (JsonNode) message.deepCopy())
                .toList();
    }

    public synchronized void addUserGroup(String id, String... users) {
        userGroups.put(id, List.of(users));
    }

    public synchronized void setUserGroup(String id, String... users) {
        addUserGroup(id, users);
    }

    /** The next call of {@code method} answers HTTP 429, {@code Retry-After: n}, {@code ratelimited}. */
    public synchronized void rateLimitNext(String method, int retryAfterSeconds) {
        enqueue(method, new Fault(429, "ratelimited", retryAfterSeconds));
    }

    /** The next call of {@code method} answers HTTP 200 {@code {"ok":false,"error":error}}. */
    public synchronized void failNext(String method, String error) {
        enqueue(method, new Fault(200, error, -1));
    }

    /** The next call of {@code method} answers this HTTP status (meant for 5xx) with {@code internal_error}. */
    public synchronized void failNextWithStatus(String method, int httpStatus) {
        enqueue(method, new Fault(httpStatus, "internal_error", -1));
    }

    private void enqueue(String method, Fault fault) {
        // A queue, so a test can script "429, then 500, then fine".
        faults.computeIfAbsent(method, m -> new ArrayDeque<>()).add(fault);
    }

    /** Slack is back to normal: faults not yet used are dropped, chat.* answers again; what was recorded stays. */
    public synchronized void clearFaults() {
        faults.clear();
        chatMode = ChatMode.NORMAL;
    }

    /** Forgets recorded calls and responses and unused faults; channels, groups and posted messages stay. */
    public synchronized void clear() {
        calls.clear();
        responses.clear();
        pressedOn.clear();
        onScreen.clear();
        rejectedResponses.clear();
        faults.clear();
        chatMode = ChatMode.NORMAL;
    }

    // ---------------------------------------------------------------------------------------------- recording

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<Call> calls(String method) {
        return calls.stream().filter(call -> call.method().equals(method)).toList();
    }

    /** Successful {@code chat.postMessage} calls whose {@code channel} parameter is {@code channel}. */
    public synchronized List<Call> messagesIn(String channel) {
        return calls.stream()
                .filter(call -> call.method().equals("chat.postMessage") && call.ok()
                        && channel.equals(call.param("channel")))
                .toList();
    }

    /** Waits for a call of {@code method} matching {@code match}, already made or still to come. */
    public Call awaitCall(String method, Predicate<Call> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                for (Call call : calls) {
                    if (call.method().equals(method) && match.test(call)) {
                        return call;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no matching " + method + " call within " + timeout
                            + "; calls seen:" + describe(calls));
                }
                waitNanos(left);
            }
        }
    }

    /** The parsed {@code blocks} parameter, or a view's blocks for views.* calls; missing node when absent. */
    public static JsonNode blocksOf(Call call) {
        String blocks = call.param("blocks");
        if (blocks != null) {
            return parseOrFail(blocks, call);
        }
        String view = call.param("view");
        return view == null ? MissingNode.getInstance() : parseOrFail(view, call).path("blocks");
    }

    /** The {@code text} parameter (the notification fallback when blocks are sent), or null. */
    public static String textOf(Call call) {
        return call.param("text");
    }

    private static JsonNode parseOrFail(String json, Call call) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON in " + call, e);
        }
    }

    // ---------------------------------------------------------------------------------------------- response_url

    /** A fresh {@code http://127.0.0.1:PORT/response/<uuid>}, usable {@value #RESPONSE_URL_USES} times like Slack's. */
    public synchronized String newResponseUrl() {
        String url = baseUrl + "/response/" + UUID.randomUUID();
        responseUrlUses.put(url, 0);
        return url;
    }

    /**
     * The {@code response_url} of a press of a button on {@code message} (an ephemeral answer posted earlier): as
     * Slack documents, a post to it with {@code replace_original: true} replaces that message, with
     * {@code delete_original: true} removes it, and otherwise appears as a new message beside it.
     */
    public synchronized String newResponseUrl(Response message) {
        String url = newResponseUrl();
        pressedOn.put(url, message);
        return url;
    }

    public synchronized List<Response> responses() {
        return List.copyOf(responses);
    }

    /** The ephemeral answers as the person sees them now, oldest first (see {@link #newResponseUrl(Response)}). */
    public synchronized List<Response> ephemeralsOnScreen() {
        return List.copyOf(onScreen);
    }

    public Response awaitResponse(Predicate<Response> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                for (Response response : responses) {
                    if (match.test(response)) {
                        return response;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no matching response_url post within " + timeout
                            + "; accepted:" + describe(responses) + "; rejected:" + describe(rejectedResponses));
                }
                waitNanos(left);
            }
        }
    }

    private void waitNanos(long nanos) {
        try {
            // Handlers notifyAll() after recording; the cap is a safety net, i.e. this also polls.
            long millis = Math.max(1, Math.min(50, nanos / 1_000_000));
            wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }

    private static String describe(List<?> items) {
        return items.isEmpty() ? " none" : items.stream().map(item -> "\n  " + item).collect(Collectors.joining());
    }

    // ---------------------------------------------------------------------------------------------- HTTP

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private static void serve(HttpExchange exchange, Handler handler) {
        try {
            handler.handle(exchange);
        } catch (IOException e) {
            // The client hung up (timeout, interrupted thread): nobody is left to answer.
        } catch (RuntimeException e) {
            // A bug in the fake: HttpServer would swallow it and drop the connection, so say what broke.
            e.printStackTrace();
            try {
                send(exchange, new Reply(500, error("fake_slack_failed: " + e), -1));
            } catch (IOException | RuntimeException ignored) {
                // headers were already sent
            }
        } finally {
            exchange.close();
        }
    }

    private void handleApi(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        byte[] body = readBody(exchange);
        Map<String, String> params = new LinkedHashMap<>();
        boolean badJson = false;
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            parseForm(query, params); // Slack also takes arguments in the query string
        }
        if (isJson(exchange)) {
            badJson = !parseJsonParams(body, params);
        } else {
            parseForm(new String(body, StandardCharsets.UTF_8), params);
        }
        String token = bearerToken(exchange);
        String tokenParam = params.remove("token");
        if (token == null) {
            token = tokenParam;
        }

        Reply reply;
        ChatMode mode;
        Duration delay;
        synchronized (this) {
            mode = method.startsWith("chat.") ? chatMode : ChatMode.NORMAL;
            delay = chatDelay;
            reply = badJson ? new Reply(200, error("invalid_json"), -1)
                    : mode == ChatMode.FAIL_500 ? new Reply(500, error("internal_error"), -1)
                    : answer(method, params, token);
            calls.add(new Call(method, Collections.unmodifiableMap(params), token, reply.httpStatus(), reply.error()));
            notifyAll();
        }
        if (mode == ChatMode.CLOSE) {
            return; // closing the exchange before any header closes the connection: no answer at all
        }
        if (mode == ChatMode.SLOW) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        send(exchange, reply);
    }

    private void handleResponseUrl(HttpExchange exchange) throws IOException {
        String url = baseUrl + exchange.getRequestURI().getPath();
        byte[] body = readBody(exchange);
        Reply reply;
        synchronized (this) {
            reply = answerResponseUrl(url, body);
            if (reply.error() != null) {
                rejectedResponses.add(reply.error() + " " + url + " " + new String(body, StandardCharsets.UTF_8));
            }
            notifyAll();
        }
        send(exchange, reply);
    }

    private Reply answerResponseUrl(String url, byte[] body) {
        Integer uses = responseUrlUses.get(url);
        if (uses == null) {
            return new Reply(404, error("no_such_response_url"), -1);
        }
        if (uses >= RESPONSE_URL_USES) {
            return new Reply(404, error("used_url"), -1);
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            return new Reply(400, error("invalid_payload"), -1);
        }
        if (json.has("blocks")) {
            String problem = blocksProblem(json.get("blocks"), MAX_MESSAGE_BLOCKS, "/blocks");
            if (problem != null) {
                return new Reply(400, withProblem(error("invalid_blocks"), problem), -1);
            }
        }
        responseUrlUses.put(url, uses + 1);
        Response response = new Response(url, json);
        responses.add(response);
        Response original = pressedOn.get(url);
        int at = original == null ? -1 : onScreen.indexOf(original);
        if (at >= 0 && response.deletesOriginal()) {
            onScreen.remove(at);
        } else if (at >= 0 && response.replacesOriginal()) {
            onScreen.set(at, response);
            pressedOn.replaceAll((press, message) -> message == original ? response : message);
        } else {
            onScreen.add(response);
        }
        return new Reply(200, ok(), -1);
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    private static boolean isJson(HttpExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        return type != null && type.toLowerCase().startsWith("application/json");
    }

    private static String bearerToken(HttpExchange exchange) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = auth.substring(7).trim();
            return token.isEmpty() ? null : token;
        }
        return null;
    }

    private static void parseForm(String form, Map<String, String> into) {
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            into.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
    }

    /** JSON bodies carry blocks/view as real JSON: store them as JSON text, the same as in a form. */
    private static boolean parseJsonParams(byte[] body, Map<String, String> into) {
        try {
            JsonNode json = JSON.readTree(body);
            if (json == null || !json.isObject()) {
                return false;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = json.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (!value.isNull()) {
                    into.put(field.getKey(), value.isValueNode() ? value.asText() : value.toString());
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = reply.body().toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        if (reply.retryAfterSeconds() >= 0) {
            exchange.getResponseHeaders().set("Retry-After", Integer.toString(reply.retryAfterSeconds()));
        }
        exchange.sendResponseHeaders(reply.httpStatus(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    // ---------------------------------------------------------------------------------------------- methods

    /** Called with the monitor held. */
    private Reply answer(String method, Map<String, String> params, String token) {
        if (!METHODS.contains(method)) {
            return new Reply(404, error("unknown_method"), -1);
        }
        Deque<Fault> queued = faults.get(method);
        Fault fault = queued == null ? null : queued.poll();
        if (fault != null) {
            return new Reply(fault.httpStatus(), error(fault.error()), fault.retryAfterSeconds());
        }
        if (token == null || token.isEmpty()) {
            return new Reply(200, error("not_authed"), -1);
        }
        if (method.equals("apps.connections.open")) {
            // Socket Mode takes the app-level token (xapp-...), never the bot token.
            return token.equals(appToken) ? new Reply(200, ok().put("url", baseUrl.replace("http", "ws")
                    + "/socket-mode"), -1) : new Reply(200, error(token.equals(botToken) ? "not_allowed_token_type"
                    : "invalid_auth"), -1);
        }
        if (!token.equals(botToken)) {
            return new Reply(200, error("invalid_auth"), -1);
        }
        ObjectNode body = switch (method) {
            case "auth.test" -> authTest();
            case "chat.postMessage" -> postMessage(params);
            case "chat.update" -> update(params);
            case "chat.postEphemeral" -> postEphemeral(params);
            case "views.open" -> viewsOpen(params);
            case "views.publish" -> viewsPublish(params);
            case "views.update" -> viewsUpdate(params);
            case "usergroups.users.list" -> userGroupUsers(params);
            case "conversations.join" -> join(params);
            case "conversations.history" -> history(params, false);
            case "conversations.replies" -> history(params, true);
            default -> throw new IllegalStateException(method);
        };
        return new Reply(200, body, -1);
    }

    private ObjectNode authTest() {
        ObjectNode body = ok();
        body.put("url", TEAM_URL);
        body.put("team", TEAM_NAME);
        body.put("user", BOT_USER_NAME);
        body.put("team_id", TEAM_ID);
        body.put("user_id", BOT_USER_ID);
        body.put("bot_id", BOT_ID);
        body.put("is_enterprise_install", false);
        return body;
    }

    private ObjectNode postMessage(Map<String, String> params) {
        String channelId = params.get("channel");
        Channel channel = channelId == null ? null : channels.get(channelId);
        if (channel == null && isUserId(channelId)) {
            // Slack delivers a post to a user ID to the app's DM with that user and answers with the D… channel.
            channelId = "D" + channelId.substring(1);
            channel = channels.computeIfAbsent(channelId, id -> new Channel(true, false));
        }
        if (channel == null) {
            return error("channel_not_found");
        }
        if (!channel.botIsMember) {
            return error("not_in_channel");
        }
        ObjectNode problem = messageProblem(params);
        if (problem != null) {
            return problem;
        }
        JsonNode metadata = null;
        if (params.get("metadata") != null) {
            metadata = parseMetadata(params.get("metadata"));
            if (metadata == null) {
                return error("invalid_metadata_format");
            }
        }
        String ts = nextTs();
        channel.messageTs.add(ts);
        ObjectNode body = ok();
        body.put("channel", channelId);
        body.put("ts", ts);
        ObjectNode message = message(params);
        message.put("ts", ts);
        if (params.get("thread_ts") != null) {
            message.put("thread_ts", params.get("thread_ts"));
        }
        body.set("message", message);
        ObjectNode stored = message.deepCopy();
        if (metadata != null) {
            stored.set("metadata", metadata);
        }
        channel.messages.add(stored);
        return body;
    }

    private ObjectNode update(Map<String, String> params) {
        String channelId = params.get("channel");
        Channel channel = channelId == null ? null : channels.get(channelId);
        if (channel == null) {
            return error("channel_not_found");
        }
        String ts = params.get("ts");
        if (ts == null || !channel.messageTs.contains(ts)) {
            return error("message_not_found");
        }
        ObjectNode problem = messageProblem(params);
        if (problem != null) {
            return problem;
        }
        ObjectNode edited = message(params);
        for (ObjectNode stored : channel.messages) {
            if (ts.equals(stored.path("ts").asText())) {
                stored.put("text", params.getOrDefault("text", ""));
                if (edited.has("blocks")) { // as Slack does: the blocks given replace the message's blocks
                    stored.set("blocks", edited.get("blocks"));
                } else {
                    stored.remove("blocks");
                }
            }
        }
        ObjectNode body = ok();
        body.put("channel", channelId);
        body.put("ts", ts);
        body.put("text", params.getOrDefault("text", ""));
        body.set("message", message(params));
        return body;
    }

    /** Slack's metadata shape: {"event_type": "...", "event_payload": {...}}; null when it is not that. */
    private static JsonNode parseMetadata(String raw) {
        try {
            JsonNode metadata = JSON.readTree(raw);
            boolean valid = metadata != null && metadata.isObject() && metadata.path("event_type").isTextual()
                    && !metadata.path("event_type").asText().isEmpty() && metadata.path("event_payload").isObject();
            return valid ? metadata : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * conversations.history (top-level messages, newest first) and conversations.replies (the parent, then its
     * replies, oldest first): {@code oldest}/{@code latest} exclusive, {@code limit} (default 100, at most 999),
     * cursor paging, metadata only with {@code include_all_metadata=true}.
     */
    private ObjectNode history(Map<String, String> params, boolean replies) {
        String channelId = params.get("channel");
        Channel channel = channelId == null ? null : channels.get(channelId);
        if (channel == null) {
            return error("channel_not_found");
        }
        String needed = channel.isPrivate ? "groups:history" : "channels:history";
        if (!scopes.contains(needed)) {
            ObjectNode refused = error("missing_scope");
            refused.put("needed", needed);
            refused.put("provided", String.join(",", new java.util.TreeSet<>(scopes)));
            return refused;
        }
        if (!channel.botIsMember && channel.isPrivate) {
            return error("channel_not_found"); // a private channel the bot is not in does not exist for it
        }
        List<ObjectNode> selected;
        if (replies) {
            String parent = params.get("ts");
            if (isBlank(parent)) {
                return error("invalid_arguments");
            }
            if (channel.messages.stream().noneMatch(message -> parent.equals(message.path("ts").asText()))) {
                return error("thread_not_found");
            }
            selected = channel.messages.stream().filter(message -> parent.equals(message.path("ts").asText())
                    || parent.equals(message.path("thread_ts").asText())).toList();
        } else {
            selected = new ArrayList<>(channel.messages.stream().filter(FakeSlack::isTopLevel).toList());
            Collections.reverse(selected);
        }
        BigDecimal oldest = parseTs(params.get("oldest"), BigDecimal.ZERO);
        BigDecimal latest = parseTs(params.get("latest"), new BigDecimal(Long.MAX_VALUE));
        boolean inclusive = "true".equals(params.get("inclusive")) || "1".equals(params.get("inclusive"));
        List<ObjectNode> inRange = selected.stream().filter(message -> {
            BigDecimal ts = new BigDecimal(message.path("ts").asText());
            return inclusive ? ts.compareTo(oldest) >= 0 && ts.compareTo(latest) <= 0
                    : ts.compareTo(oldest) > 0 && ts.compareTo(latest) < 0;
        }).toList();
        int limit = DEFAULT_HISTORY_LIMIT;
        if (!isBlank(params.get("limit"))) {
            try {
                limit = Math.max(1, Math.min(MAX_HISTORY_LIMIT, Integer.parseInt(params.get("limit"))));
            } catch (NumberFormatException e) {
                return error("invalid_limit");
            }
        }
        int from = 0;
        if (!isBlank(params.get("cursor"))) {
            try {
                from = Integer.parseInt(new String(java.util.Base64.getDecoder().decode(params.get("cursor")),
                        StandardCharsets.UTF_8).substring("next:".length()));
            } catch (RuntimeException e) {
                return error("invalid_cursor");
            }
        }
        boolean withMetadata = "true".equals(params.get("include_all_metadata"))
                || "1".equals(params.get("include_all_metadata"));
        ObjectNode body = ok();
        ArrayNode messages = body.putArray("messages");
        int to = Math.min(inRange.size(), from + limit);
        for (ObjectNode message : inRange.subList(Math.min(from, to), to)) {
            ObjectNode copy = message.deepCopy();
            if (!withMetadata) {
                copy.remove("metadata");
            }
            messages.add(copy);
        }
        body.put("has_more", to < inRange.size());
        String next = to < inRange.size() ? java.util.Base64.getEncoder().encodeToString(("next:" + to)
                .getBytes(StandardCharsets.UTF_8)) : "";
        body.putObject("response_metadata").put("next_cursor", next);
        return body;
    }

    private static BigDecimal parseTs(String ts, BigDecimal otherwise) {
        if (isBlank(ts)) {
            return otherwise;
        }
        try {
            return new BigDecimal(ts);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static boolean isTopLevel(JsonNode message) {
        String thread = message.path("thread_ts").asText(null);
        return thread == null || thread.equals(message.path("ts").asText());
    }

    private ObjectNode postEphemeral(Map<String, String> params) {
        String channelId = params.get("channel");
        if (channelId == null || !(channels.containsKey(channelId) || isUserId(channelId))) {
            return error("channel_not_found");
        }
        if (params.get("user") == null || params.get("user").isEmpty()) {
            return error("user_not_in_channel");
        }
        ObjectNode problem = messageProblem(params);
        if (problem != null) {
            return problem;
        }
        ObjectNode body = ok();
        body.put("message_ts", nextTs()); // ephemeral: not kept, chat.update cannot reach it
        return body;
    }

    private ObjectNode viewsOpen(Map<String, String> params) {
        if (isBlank(params.get("trigger_id"))) {
            return withProblem(error("invalid_arguments"), "missing required field: trigger_id");
        }
        JsonNode view = parseView(params);
        String problem = viewProblem(view);
        if (problem != null) {
            return withProblem(error("invalid_arguments"), problem);
        }
        return viewReply(view, nextViewId());
    }

    private ObjectNode viewsPublish(Map<String, String> params) {
        String userId = params.get("user_id");
        if (isBlank(userId)) {
            return withProblem(error("invalid_arguments"), "missing required field: user_id");
        }
        JsonNode view = parseView(params);
        String problem = viewProblem(view);
        if (problem == null && !"home".equals(view.path("type").asText())) {
            problem = "views.publish only takes views of type home [json-pointer:/view/type]";
        }
        if (problem != null) {
            return withProblem(error("invalid_arguments"), problem);
        }
        // A user's App Home keeps its view id across publishes.
        return viewReply(view, homeViewIds.computeIfAbsent(userId, user -> nextViewId()));
    }

    private ObjectNode viewsUpdate(Map<String, String> params) {
        String viewId = params.get("view_id");
        if (isBlank(viewId) && isBlank(params.get("external_id"))) {
            return withProblem(error("invalid_arguments"), "one of view_id or external_id is required");
        }
        JsonNode view = parseView(params);
        String problem = viewProblem(view);
        if (problem != null) {
            return withProblem(error("invalid_arguments"), problem);
        }
        return viewReply(view, isBlank(viewId) ? nextViewId() : viewId);
    }

    private ObjectNode userGroupUsers(Map<String, String> params) {
        List<String> users = userGroups.get(params.get("usergroup"));
        if (users == null) {
            return error("no_such_subteam");
        }
        ObjectNode body = ok();
        ArrayNode array = body.putArray("users");
        users.forEach(array::add);
        return body;
    }

    private ObjectNode join(Map<String, String> params) {
        String channelId = params.get("channel");
        Channel channel = channelId == null ? null : channels.get(channelId);
        if (channel == null) {
            return error("channel_not_found");
        }
        boolean already = channel.botIsMember;
        channel.botIsMember = true;
        ObjectNode body = ok();
        ObjectNode info = body.putObject("channel");
        info.put("id", channelId);
        info.put("is_channel", true);
        info.put("is_member", true);
        if (already) {
            body.put("warning", "already_in_channel");
            body.putObject("response_metadata").putArray("warnings").add("already_in_channel");
        }
        return body;
    }

    // ---------------------------------------------------------------------------------------------- validation

    /** no_text / msg_too_long / invalid_blocks for the chat.* methods, or null when Slack would take it. */
    private static ObjectNode messageProblem(Map<String, String> params) {
        String text = params.get("text");
        String rawBlocks = params.get("blocks");
        JsonNode blocks = null;
        if (rawBlocks != null) {
            try {
                blocks = JSON.readTree(rawBlocks);
            } catch (JsonProcessingException e) {
                return withProblem(error("invalid_blocks"), "failed to parse blocks: " + e.getOriginalMessage());
            }
            String problem = blocksProblem(blocks, MAX_MESSAGE_BLOCKS, "/blocks");
            if (problem != null) {
                return withProblem(error("invalid_blocks"), problem);
            }
        }
        boolean hasBlocks = blocks != null && blocks.size() > 0;
        boolean hasAttachments = !isBlank(params.get("attachments")) && !"[]".equals(params.get("attachments").trim());
        if (isBlank(text) && !hasBlocks && !hasAttachments) {
            return error("no_text");
        }
        if (text != null && length(text) > MAX_MESSAGE_TEXT) {
            return error("msg_too_long");
        }
        return null;
    }

    /** Slack's per-block limits; a message like Slack's own ("... [json-pointer:/blocks/3/text/text]") or null. */
    private static String blocksProblem(JsonNode blocks, int maxBlocks, String pointer) {
        if (blocks == null || !blocks.isArray()) {
            return "must provide an array [json-pointer:" + pointer + "]";
        }
        if (blocks.size() > maxBlocks) {
            return "no more than " + maxBlocks + " items allowed [json-pointer:" + pointer + "]";
        }
        for (int i = 0; i < blocks.size(); i++) {
            JsonNode block = blocks.get(i);
            String at = pointer + "/" + i;
            if (!block.isObject() || !block.path("type").isTextual()) {
                return "missing required field: type [json-pointer:" + at + "]";
            }
            if (block.has("block_id") && length(block.path("block_id").asText()) > MAX_BLOCK_ID) {
                return tooLong(MAX_BLOCK_ID, at + "/block_id");
            }
            String type = block.get("type").asText();
            if (type.equals("section")) {
                if (length(block.path("text").path("text").asText("")) > MAX_SECTION_TEXT) {
                    return tooLong(MAX_SECTION_TEXT, at + "/text/text");
                }
                JsonNode fields = block.path("fields");
                if (fields.size() > MAX_SECTION_FIELDS) {
                    return "no more than " + MAX_SECTION_FIELDS + " items allowed [json-pointer:" + at + "/fields]";
                }
                for (int f = 0; f < fields.size(); f++) {
                    if (length(fields.get(f).path("text").asText("")) > MAX_SECTION_FIELD_TEXT) {
                        return tooLong(MAX_SECTION_FIELD_TEXT, at + "/fields/" + f + "/text");
                    }
                }
            } else if (type.equals("header")) {
                if (length(block.path("text").path("text").asText("")) > MAX_HEADER_TEXT) {
                    return tooLong(MAX_HEADER_TEXT, at + "/text/text");
                }
            }
        }
        return null;
    }

    private static JsonNode parseView(Map<String, String> params) {
        String raw = params.get("view");
        if (raw == null) {
            return null;
        }
        try {
            return JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    private static String viewProblem(JsonNode view) {
        if (view == null) {
            return "missing required field: view";
        }
        if (!view.isObject()) {
            return "failed to parse view [json-pointer:/view]";
        }
        String type = view.path("type").asText("");
        if (!type.equals("modal") && !type.equals("home")) {
            return "must be modal or home [json-pointer:/view/type]";
        }
        if (type.equals("modal")) {
            for (String label : List.of("title", "submit", "close")) {
                if (length(view.path(label).path("text").asText("")) > MAX_VIEW_TITLE) {
                    return tooLong(MAX_VIEW_TITLE, "/view/" + label + "/text");
                }
            }
        }
        if (!view.has("blocks")) {
            return "missing required field: blocks [json-pointer:/view]";
        }
        return blocksProblem(view.get("blocks"), MAX_VIEW_BLOCKS, "/view/blocks");
    }

    private static String tooLong(int max, String pointer) {
        return "must be less than " + (max + 1) + " characters [json-pointer:" + pointer + "]";
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** Unique and increasing, shaped like Slack's: seconds.microseconds of Slack's (real) clock. */
    private String nextTs() {
        java.time.Instant now = java.time.Instant.now();
        long nowMicros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
        lastTsMicros = Math.max(lastTsMicros + 100, nowMicros);
        return String.format("%d.%06d", lastTsMicros / 1_000_000, lastTsMicros % 1_000_000);
    }

    private String nextViewId() {
        viewCounter++;
        return String.format("V%08d", viewCounter);
    }

    private ObjectNode viewReply(JsonNode view, String id) {
        ObjectNode echoed = ((ObjectNode) view).deepCopy();
        echoed.put("id", id);
        echoed.put("team_id", TEAM_ID);
        echoed.put("bot_id", BOT_ID);
        echoed.put("root_view_id", id);
        echoed.put("hash", nextTs()); // any fresh value: Slack only compares it
        echoed.putObject("state").putObject("values");
        ObjectNode body = ok();
        body.set("view", echoed);
        return body;
    }

    private static ObjectNode message(Map<String, String> params) {
        ObjectNode message = JSON.createObjectNode();
        message.put("type", "message");
        message.put("user", BOT_USER_ID);
        message.put("bot_id", BOT_ID);
        message.put("team", TEAM_ID);
        message.put("text", params.getOrDefault("text", ""));
        if (params.get("blocks") != null) {
            try {
                message.set("blocks", JSON.readTree(params.get("blocks")));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("blocks were validated before", e);
            }
        }
        return message;
    }

    private static boolean isUserId(String id) {
        return id != null && id.length() > 1 && (id.charAt(0) == 'U' || id.charAt(0) == 'W');
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Slack counts characters, not UTF-16 units. */
    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static ObjectNode ok() {
        return JSON.createObjectNode().put("ok", true);
    }

    private static ObjectNode error(String error) {
        return JSON.createObjectNode().put("ok", false).put("error", error);
    }

    /** Slack explains invalid_blocks / invalid_arguments in response_metadata.messages. */
    private static ObjectNode withProblem(ObjectNode error, String problem) {
        error.putArray("errors").add(problem);
        error.putObject("response_metadata").putArray("messages").add("[ERROR] " + problem);
        return error;
    }
}
