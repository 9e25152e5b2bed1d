package dev.detour.bot.ofrep;

import dev.detour.bot.api.BearerToken;
import dev.detour.bot.api.TokenSettings;
import dev.detour.incidents.flags.FlagSet;
import dev.detour.incidents.queries.CurrentFlags;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The OFREP answers {@link OfrepFastPath} gives without Micronaut's routing: a {@code 200} for a known flag (or
 * all of them) and the bulk {@code 304}, to a {@code POST} that carries the API token (when one is set) and a
 * valid body. Anything else, every error included, is {@linkplain Optional#empty() declined} and answered by
 * {@link OfrepController}, so errors keep their one implementation; both read bodies with {@link OfrepRequest}
 * and answers with {@link OfrepAnswers}, so they give the same bytes. Answers count in Micronaut's
 * {@code http_server_requests_seconds} under the controller's route (docs/metrics.md).
 */
@Singleton
public class OfrepShortcut {
    static final String BULK = "/ofrep/v1/evaluate/flags";
    static final String SINGLE = BULK + "/";
    /** Larger bodies go to Micronaut, which applies the server's body limits. */
    static final int MAX_BODY = 8192;
    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final CurrentFlags flags;
    private final OfrepAnswers answers;
    private final BearerToken token;
    private final Clock clock;
    private final Timer singleOk;
    private final Timer bulkOk;
    private final Timer bulkNotModified;
    private volatile Stamp date = new Stamp(Long.MIN_VALUE, "");

    public OfrepShortcut(CurrentFlags flags, OfrepAnswers answers, TokenSettings tokens, Clock clock,
                         MeterRegistry meters) {
        this.flags = flags;
        this.answers = answers;
        this.token = new BearerToken(tokens.apiToken());
        this.clock = clock;
        this.singleOk = requests(meters, "/ofrep/v1/evaluate/flags/{key}", "200");
        this.bulkOk = requests(meters, BULK, "200");
        this.bulkNotModified = requests(meters, BULK, "304");
    }

    /** An answer and the meter it counts in. */
    record Answer(FullHttpResponse response, Timer timer) {
        void record(long startedNanos) {
            timer.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** The {@code Date} header of this second, formatted once per second. */
    private record Stamp(long second, String text) {
    }

    /**
     * Whether a request's head (before its body) may be one this class answers: an HTTP/1.1 {@code POST} to an
     * evaluation path, with a small body of known length and nothing that needs Micronaut's handling (an
     * {@code Expect}, a compressed or chunked body).
     */
    boolean mayAnswer(HttpRequest head) {
        if (!HttpMethod.POST.equals(head.method()) || !HttpVersion.HTTP_1_1.equals(head.protocolVersion())
                || !head.decoderResult().isSuccess() || !(head.uri().equals(BULK) || plainKey(head.uri()) != null)) {
            return false;
        }
        HttpHeaders headers = head.headers();
        return !headers.contains(HttpHeaderNames.EXPECT) && !headers.contains(HttpHeaderNames.CONTENT_ENCODING)
                && !HttpUtil.isTransferEncodingChunked(head) && HttpUtil.getContentLength(head, 0L) <= MAX_BODY
                && utf8(headers.get(HttpHeaderNames.CONTENT_TYPE));
    }

    /** The answer to a whole request, or empty when {@link OfrepController} should give it. */
    Optional<Answer> answer(HttpRequest head, String body) {
        if (token.isSet() && !token.acceptsHeader(head.headers().get(HttpHeaderNames.AUTHORIZATION))) {
            return Optional.empty();
        }
        OfrepRequest request = OfrepRequest.read(body);
        if (request.problem().isPresent()) {
            return Optional.empty();
        }
        FlagSet current = flags.get();
        Optional<String> targetingKey = request.targetingKey(current);
        if (head.uri().equals(BULK)) {
            String etag = current.etagFor(targetingKey);
            if (IfNoneMatch.matches(head.headers().getAll(HttpHeaderNames.IF_NONE_MATCH), etag)) {
                FullHttpResponse notModified = response(HttpResponseStatus.NOT_MODIFIED, null);
                notModified.headers().set(HttpHeaderNames.ETAG, etag);
                return Optional.of(new Answer(notModified, bulkNotModified));
            }
            FullHttpResponse ok = response(HttpResponseStatus.OK, answers.bulk(current, targetingKey));
            ok.headers().set(HttpHeaderNames.ETAG, etag);
            return Optional.of(new Answer(ok, bulkOk));
        }
        return answers.single(current, plainKey(head.uri()), targetingKey)
                .map(bytes -> new Answer(response(HttpResponseStatus.OK, bytes), singleOk));
    }

    private FullHttpResponse response(HttpResponseStatus status, byte[] body) {
        FullHttpResponse response = body == null
                ? new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER)
                : new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.DATE, date());
        if (body != null) {
            headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json");
            headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        }
        return response;
    }

    private String date() {
        long now = clock.millis() / 1000;
        Stamp stamp = date;
        if (stamp.second() != now) {
            stamp = new Stamp(now, DATE.format(java.time.Instant.ofEpochSecond(now)));
            date = stamp;
        }
        return stamp.text();
    }

    /** The flag key of a single-flag path when it needs no decoding (letters, digits, {@code . _ -}); else null. */
    static String plainKey(String uri) {
        if (!uri.startsWith(SINGLE) || uri.length() == SINGLE.length()) {
            return null;
        }
        boolean dotsOnly = true;
        for (int i = SINGLE.length(); i < uri.length(); i++) {
            char c = uri.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!plain) {
                return null;
            }
            dotsOnly &= c == '.';
        }
        return dotsOnly ? null : uri.substring(SINGLE.length());
    }

    /** A body Micronaut would read as UTF-8: no content type, or one without a charset or with UTF-8. */
    private static boolean utf8(String contentType) {
        if (contentType == null) {
            return true;
        }
        int charset = contentType.toLowerCase(java.util.Locale.ROOT).indexOf("charset=");
        return charset < 0 || contentType.regionMatches(true, charset + 8, "utf-8", 0, 5)
                && contentType.length() == charset + 13;
    }

    private static Timer requests(MeterRegistry meters, String uri, String status) {
        return Timer.builder("http.server.requests").tag("exception", "none").tag("method", "POST")
                .tag("status", status).tag("uri", uri).register(meters);
    }

    /** The body as the controller reads it. */
    static String text(io.netty.buffer.ByteBuf body) {
        return body.toString(StandardCharsets.UTF_8);
    }
}
