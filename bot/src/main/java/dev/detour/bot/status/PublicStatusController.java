package dev.detour.bot.status;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * The public, read-only status for end users and support staff outside Slack: {@code GET /status} (HTML),
 * {@code /status.json} and {@code /status/feed.atom}. No token: no filter covers these paths.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class PublicStatusController {
    static final String HTML = "text/html;charset=utf-8";
    static final String ATOM = "application/atom+xml;charset=utf-8";
    /** The page needs nothing but its own inline style: no scripts, no frames, no outside resources. */
    static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
            + "form-action 'none'";

    private final PublicStatusReader reader;
    private final PublicAddress address;
    private final StatusPage page = new StatusPage();
    private final StatusFeed feed = new StatusFeed();

    public PublicStatusController(PublicStatusReader reader, PublicAddress address) {
        this.reader = reader;
        this.address = address;
    }

    @Get(uri = "/status", produces = HTML)
    public HttpResponse<byte[]> page(HttpRequest<?> request) {
        return HttpResponse.ok(page.render(reader.read(), address.links(request)))
                .header("Content-Security-Policy", PAGE_POLICY)
                .header("X-Content-Type-Options", "nosniff");
    }

    @Get("/status.json")
    public StatusJson json() {
        return StatusJson.of(reader.read());
    }

    @Get(uri = "/status/feed.atom", produces = ATOM)
    public HttpResponse<byte[]> feed(HttpRequest<?> request) {
        return HttpResponse.ok(feed.render(reader.read(), address.links(request)));
    }
}
