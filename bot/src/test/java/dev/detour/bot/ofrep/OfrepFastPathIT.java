package dev.detour.bot.ofrep;

import dev.detour.incidents.testing.SeedConfigFactory;
import dev.detour.incidents.testing.TestDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OFREP's fast path (docs/flags.md, "OFREP") over a raw HTTP/1.1 connection, where the order and framing of
 * answers can be seen: an answer it gives is the controller's answer byte for byte, answers leave in request
 * order when Micronaut still owes one, and requests it does not take (a large or chunked body, a missing token)
 * are answered by Micronaut as before.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfrepFastPathIT implements TestPropertyProvider {
    private static final String TOKEN = "api-token-for-the-fast-path-0123456789";
    private static final String FLAG = "model.gpt-5.enabled";
    private static final String CONTEXT = "{\"context\":{\"targetingKey\":\"user-1\"}}";

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        TestDatabase.h2().forEach((key, value) -> properties.put(key, String.valueOf(value)));
        properties.put(SeedConfigFactory.ENABLED, "true");
        properties.put("detour.api-token", TOKEN);
        properties.put("detour.statuspage.poll", "false");
        return properties;
    }

    /** A response as read off the wire. */
    private record Answer(int status, Map<String, String> headers, String body) {
    }

    private static String post(String path, String body, String... headers) {
        StringBuilder request = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return request.append("Content-Length: ").append(bytes.length).append("\r\n\r\n").append(body).toString();
    }

    private static String authorized(String path, String body) {
        return post(path, body, "Authorization: Bearer " + TOKEN, "Content-Type: application/json");
    }

    private Answer[] exchange(String requests, int answers) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(requests.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            Answer[] read = new Answer[answers];
            for (int i = 0; i < answers; i++) {
                read[i] = readAnswer(in);
            }
            return read;
        }
    }

    private static Answer readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed mid-answer");
            }
            head.write(b);
            byte[] sofar = head.toByteArray();
            int n = sofar.length;
            if (n >= 4 && sofar[n - 4] == '\r' && sofar[n - 3] == '\n' && sofar[n - 2] == '\r' && sofar[n - 1] == '\n') {
                break;
            }
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return new Answer(Integer.parseInt(lines[0].substring(9, 12)), headers, new String(body, StandardCharsets.UTF_8));
    }

    @Test
    void theFastAnswerIsTheControllersAnswerByteForByte() throws IOException {
        Answer fast = exchange(authorized(OfrepShortcut.SINGLE + FLAG, CONTEXT), 1)[0];
        // A chunked body is not taken by the fast path: the controller answers it.
        String chunked = "POST " + OfrepShortcut.SINGLE + FLAG + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + TOKEN + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(CONTEXT.length()) + "\r\n" + CONTEXT + "\r\n0\r\n\r\n";
        Answer controller = exchange(chunked, 1)[0];

        assertEquals(200, fast.status());
        assertEquals(controller.status(), fast.status());
        assertEquals(controller.body(), fast.body());
        assertEquals(controller.headers().get("content-type"), fast.headers().get("content-type"));
        assertTrue(fast.body().contains("\"key\":\"" + FLAG + "\""), fast.body());
    }

    @Test
    void theBulkFastAnswerCarriesTheControllersEtagAndA304FollowsIt() throws IOException {
        Answer fast = exchange(authorized(OfrepShortcut.BULK, CONTEXT), 1)[0];
        String etag = fast.headers().get("etag");
        Answer notModified = exchange(post(OfrepShortcut.BULK, CONTEXT, "Authorization: Bearer " + TOKEN,
                "If-None-Match: W/" + etag), 1)[0];

        assertEquals(200, fast.status());
        assertTrue(fast.body().contains("\"eventStreams\""), fast.body());
        assertEquals(304, notModified.status());
        assertEquals(etag, notModified.headers().get("etag"));
    }

    @Test
    void answersLeaveInRequestOrderBehindAnAnswerMicronautStillOwes() throws IOException {
        // /metrics is answered off the event loop, so an OFREP answer written at once would overtake it.
        String requests = "GET /metrics HTTP/1.1\r\nHost: localhost\r\n\r\n"
                + authorized(OfrepShortcut.SINGLE + FLAG, CONTEXT) + authorized(OfrepShortcut.BULK, CONTEXT);
        Answer[] answers = exchange(requests, 3);

        assertEquals(200, answers[0].status());
        assertTrue(answers[0].body().contains("# TYPE"), "the metrics come first");
        assertTrue(answers[1].body().startsWith("{\"key\":\"" + FLAG + "\""), answers[1].body());
        assertTrue(answers[2].body().startsWith("{\"flags\":"), answers[2].body());
    }

    @Test
    void aBodyOverTheFastPathsLimitIsStillEvaluated() throws IOException {
        String large = "{\"context\":{\"targetingKey\":\"user-1\",\"notes\":\""
                + "x".repeat(OfrepShortcut.MAX_BODY) + "\"}}";
        Answer[] answers = exchange(authorized(OfrepShortcut.SINGLE + FLAG, large)
                + authorized(OfrepShortcut.SINGLE + FLAG, CONTEXT), 2);

        assertEquals(200, answers[0].status(), answers[0].body());
        assertEquals(answers[1].body(), answers[0].body());
    }

    @Test
    void errorsAreStillTheControllersAndTheFiltersAnswers() throws IOException {
        Answer[] answers = exchange(post(OfrepShortcut.SINGLE + FLAG, CONTEXT)
                + authorized(OfrepShortcut.SINGLE + FLAG, "{\"context\":1}")
                + authorized(OfrepShortcut.SINGLE + "no.such.flag", CONTEXT)
                + authorized(OfrepShortcut.BULK, "not json"), 4);

        assertEquals(401, answers[0].status());
        assertEquals(400, answers[1].status());
        assertTrue(answers[1].body().contains("INVALID_CONTEXT"), answers[1].body());
        assertEquals(404, answers[2].status());
        assertTrue(answers[2].body().contains("FLAG_NOT_FOUND"), answers[2].body());
        assertEquals(400, answers[3].status());
        assertTrue(answers[3].body().contains("PARSE_ERROR"), answers[3].body());
    }

    @Test
    void connectionCloseIsHonoured() throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(post(OfrepShortcut.SINGLE + FLAG, CONTEXT, "Authorization: Bearer "
                    + TOKEN, "Connection: close").getBytes(StandardCharsets.UTF_8));
            Answer answer = readAnswer(socket.getInputStream());

            assertEquals(200, answer.status());
            assertEquals("close", answer.headers().get("connection"));
            assertEquals(-1, socket.getInputStream().read(), "the server closes the connection");
        }
    }
}
