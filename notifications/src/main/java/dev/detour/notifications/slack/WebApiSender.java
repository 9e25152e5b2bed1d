package dev.detour.notifications.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.Message;
import com.slack.api.model.ResponseMetadata;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Posts through Slack's Web API ({@code chat.postMessage}, {@code chat.update}, {@code conversations.join}), finds
 * its own posts again ({@code conversations.history}, {@code conversations.replies}) and counts each call in
 * {@link SlackApiCalls}. Pacing is the dispatcher's.
 */
public final class WebApiSender implements SlackSender {
    /** Errors that a later attempt may not see. Everything else Slack says is permanent. */
    private static final Set<String> TRANSIENT = Set.of("ratelimited", "internal_error", "fatal_error",
            "service_unavailable", "request_timeout");
    /** Slack's largest page; the history since a row was written is read at most this many pages deep. */
    private static final int PAGE = 200;
    private static final int MAX_PAGES = 10;

    private final MethodsClient slack;
    private final SlackApiCalls calls;

    public WebApiSender(MethodsClient slack, SlackApiCalls calls) {
        this.slack = slack;
        this.calls = calls;
    }

    @Override
    public SendResult post(String channel, Optional<String> threadTs, SlackPayload message, PostMark mark) {
        return call("chat.postMessage", () -> slack.chatPostMessage(r -> r.channel(channel)
                        .threadTs(threadTs.orElse(null)).text(message.text()).blocksAsString(message.blocksJson())
                        .metadata(new Message.Metadata(PostMark.EVENT_TYPE, mark.payload()))),
                response -> new SendResult.Delivered(response.getChannel(), response.getTs()));
    }

    @Override
    public SendResult update(String channel, String ts, SlackPayload message) {
        return call("chat.update", () -> slack.chatUpdate(r -> r.channel(channel).ts(ts).text(message.text())
                        .blocksAsString(message.blocksJson())),
                response -> new SendResult.Delivered(response.getChannel(), response.getTs()));
    }

    @Override
    public SendResult join(String channel) {
        return call("conversations.join", () -> slack.conversationsJoin(r -> r.channel(channel)),
                response -> new SendResult.Delivered(channel, ""));
    }

    @Override
    public HistoryLookup find(String channel, Optional<String> threadTs, PostMark mark, Instant since) {
        String oldest = ts(since);
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Page found = threadTs.isPresent() ? replies(channel, threadTs.get(), oldest, cursor)
                    : history(channel, oldest, cursor);
            if (found.problem() != null) {
                return found.problem();
            }
            for (Message message : found.messages()) {
                Message.Metadata metadata = message.getMetadata();
                if (metadata != null && mark.matches(metadata.getEventType(), metadata.getEventPayload())) {
                    return new HistoryLookup.Found(channel, message.getTs());
                }
            }
            cursor = found.nextCursor();
            if (cursor == null || cursor.isEmpty()) {
                return new HistoryLookup.NotFound();
            }
        }
        // Over 2000 messages since the row was written, none of them the post: it was not made.
        return new HistoryLookup.NotFound();
    }

    private record Page(List<Message> messages, String nextCursor, HistoryLookup problem) {
        static Page of(List<Message> messages, ResponseMetadata metadata) {
            return new Page(messages == null ? List.of() : messages,
                    metadata == null ? null : metadata.getNextCursor(), null);
        }
    }

    private Page history(String channel, String oldest, String cursor) {
        return page("conversations.history", () -> slack.conversationsHistory(r -> r.channel(channel).oldest(oldest)
                .limit(PAGE).cursor(cursor).includeAllMetadata(true)),
                response -> Page.of(response.getMessages(), response.getResponseMetadata()));
    }

    private Page replies(String channel, String threadTs, String oldest, String cursor) {
        return page("conversations.replies", () -> slack.conversationsReplies(r -> r.channel(channel).ts(threadTs)
                .oldest(oldest).limit(PAGE).cursor(cursor).includeAllMetadata(true)),
                response -> Page.of(response.getMessages(), response.getResponseMetadata()));
    }

    /** One page of a channel's or a thread's history; a lookup Slack did not answer is never read as "not there". */
    private <R extends SlackApiTextResponse> Page page(String method, Call<R> call, Function<R, Page> read) {
        try {
            R response = call.run();
            calls.answered(method, response);
            return response.isOk() ? read.apply(response) : new Page(List.of(), null, refusedLookup(response));
        } catch (SlackApiException e) {
            calls.failed(method, e);
            return new Page(List.of(), null, new HistoryLookup.Unanswered("http " + e.getResponse().code()));
        } catch (IOException e) {
            calls.unreachable(method);
            return new Page(List.of(), null, new HistoryLookup.Unanswered("io: " + e.getMessage()));
        }
    }

    private static HistoryLookup refusedLookup(SlackApiTextResponse response) {
        String error = response.getError();
        if ("missing_scope".equals(error)) {
            return new HistoryLookup.Unavailable("missing_scope: needs " + response.getNeeded() + ", has "
                    + response.getProvided());
        }
        if (TRANSIENT.contains(error)) {
            return new HistoryLookup.Unanswered(error);
        }
        // not_in_channel, channel_not_found, thread_not_found: Slack has no such post there either.
        return new HistoryLookup.NotFound();
    }

    /** Slack's ts form, seconds.microseconds. */
    private static String ts(Instant at) {
        return at.getEpochSecond() + "." + String.format("%06d", at.getNano() / 1000);
    }

    private interface Call<R extends SlackApiTextResponse> {
        R run() throws IOException, SlackApiException;
    }

    private <R extends SlackApiTextResponse> SendResult call(String method, Call<R> call,
                                                             Function<R, SendResult.Delivered> delivered) {
        R response;
        try {
            response = call.run();
        } catch (SlackApiException e) {
            calls.failed(method, e);
            int status = e.getResponse().code();
            if (status == 429) {
                Optional<Duration> after = Optional.ofNullable(e.getResponse().header("Retry-After"))
                        .flatMap(WebApiSender::seconds);
                return new SendResult.Retry(after, "ratelimited");
            }
            return status >= 500 ? new SendResult.Retry(Optional.empty(), "http " + status)
                    : new SendResult.Failed(e.getError() == null ? "http " + status : e.getError().getError());
        } catch (IOException e) {
            calls.unreachable(method);
            return neverSent(e) ? new SendResult.Retry(Optional.empty(), "io: " + e.getMessage())
                    : new SendResult.Unknown("no answer: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        calls.answered(method, response);
        return response.isOk() ? delivered.apply(response) : refused(response);
    }

    /** Failures before a connection existed: the request never reached Slack. Anything later may have. */
    private static boolean neverSent(IOException e) {
        return e instanceof ConnectException || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException;
    }

    private static SendResult refused(SlackApiTextResponse response) {
        return TRANSIENT.contains(response.getError()) ? new SendResult.Retry(Optional.empty(), response.getError())
                : new SendResult.Failed(response.getError());
    }

    private static Optional<Duration> seconds(String header) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(header.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
