package dev.detour.notifications.http;

import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;

import java.io.IOException;

/**
 * For OkHttp, the Slack SDK's client: refuses an answer over the limit with {@link AnswerTooLargeException}, up
 * front when its {@code Content-Length} says so, else as soon as reading passes the limit. The SDK reads every
 * answer whole into a string; without this, one huge answer could take the heap.
 */
public final class AnswerLimitInterceptor implements Interceptor {
    private final long limit;

    public AnswerLimitInterceptor(long limit) {
        this.limit = limit;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        ResponseBody body = response.body();
        if (body == null) {
            return response;
        }
        long announced = body.contentLength();
        if (announced > limit) {
            response.close();
            throw new AnswerTooLargeException(response.code(), announced, true, limit);
        }
        int status = response.code();
        ForwardingSource capped = new ForwardingSource(body.source()) {
            private long read;

            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                long count = super.read(sink, byteCount);
                if (count > 0) {
                    read += count;
                    if (read > limit) {
                        throw new AnswerTooLargeException(status, read, false, limit);
                    }
                }
                return count;
            }
        };
        return response.newBuilder()
                .body(ResponseBody.Companion.create(Okio.buffer(capped), body.contentType(), announced))
                .build();
    }
}
