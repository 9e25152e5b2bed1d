package dev.detour.bot.ofrep;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

import java.util.Optional;

/**
 * One HTTP/1.1 connection's OFREP fast path, in the Netty pipeline just before Micronaut's request handler
 * ({@link OfrepFastPathInstaller}): it collects a request that {@link OfrepShortcut} may answer and writes the
 * answer itself, skipping routing, filters and per-request serialization (docs/flags.md, "OFREP"). Every other
 * request, and one the shortcut declines, goes on to Micronaut unchanged. Answers leave in request order: while
 * Micronaut still owes an answer on this connection (HTTP/1.1 pipelining), OFREP requests go to Micronaut too.
 */
final class OfrepFastPath extends ChannelDuplexHandler {
    private final OfrepShortcut shortcut;
    /** Requests handed to Micronaut whose answer has not been written completely. */
    private int owedByMicronaut;
    /** The request being collected for the shortcut, and its body so far. */
    private HttpRequest head;
    private CompositeByteBuf body;
    private long startedNanos;
    private boolean flushPending;

    OfrepFastPath(OfrepShortcut shortcut) {
        this.shortcut = shortcut;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            if (owedByMicronaut == 0 && head == null && !(msg instanceof HttpContent) && shortcut.mayAnswer(request)) {
                head = request;
                body = ctx.alloc().compositeBuffer();
                startedNanos = System.nanoTime();
            } else {
                owedByMicronaut++;
                ctx.fireChannelRead(msg);
                return;
            }
        }
        if (head == null) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (msg instanceof HttpContent content) {
            body.addComponent(true, content.content().retain());
            if (body.readableBytes() > OfrepShortcut.MAX_BODY) {
                handOver(ctx, content instanceof LastHttpContent last ? last : null);
            } else if (content instanceof LastHttpContent last) {
                complete(ctx, last);
            }
        }
        ReferenceCountUtil.release(msg);
    }

    /** A whole request collected: answer it, or hand it to Micronaut. */
    private void complete(ChannelHandlerContext ctx, LastHttpContent last) {
        Optional<OfrepShortcut.Answer> answer;
        try {
            answer = shortcut.answer(head, OfrepShortcut.text(body));
        } catch (RuntimeException e) {
            answer = Optional.empty(); // Micronaut answers it, with its error handling, rather than a closed socket
        }
        if (answer.isEmpty()) {
            handOver(ctx, last);
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(head);
        HttpResponse response = answer.get().response();
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        body.release();
        head = null;
        body = null;
        if (keepAlive) {
            ctx.write(response);
            flushPending = true;
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
        answer.get().record(startedNanos);
    }

    /**
     * The request goes to Micronaut after all: its head, the body collected so far in one piece, and the end
     * when {@code last} is given (otherwise the rest follows as it arrives).
     */
    private void handOver(ChannelHandlerContext ctx, LastHttpContent last) {
        HttpRequest request = head;
        ByteBuf collected = body;
        head = null;
        body = null;
        owedByMicronaut++;
        ctx.fireChannelRead(request);
        if (last != null) {
            DefaultLastHttpContent end = new DefaultLastHttpContent(collected);
            end.trailingHeaders().set(last.trailingHeaders());
            ctx.fireChannelRead(end);
        } else {
            ctx.fireChannelRead(new io.netty.handler.codec.http.DefaultHttpContent(collected));
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (flushPending) {
            flushPending = false;
            ctx.flush();
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof LastHttpContent && owedByMicronaut > 0
                && !(msg instanceof HttpResponse response
                && response.status().codeClass() == HttpStatusClass.INFORMATIONAL)) {
            owedByMicronaut--;
        }
        ctx.write(msg, promise);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (body != null) {
            body.release();
            body = null;
        }
    }
}
