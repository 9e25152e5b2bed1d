package dev.detour.bot.publicstatus;

import dev.detour.notifications.email.EmailSettings;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;


/**
 * The public, read-only status for end users and support staff outside Slack: {@code GET /status} (HTML),
 * {@code /status/incidents/<public id>} (HTML), {@code /status.json} and {@code /status/feed.atom}. No token: no filter covers these paths.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class PublicStatusController {
    static final String HTML = "text/html;charset=utf-8";
    static final String ATOM = "application/atom+xml;charset=utf-8";
    /** The page needs nothing but its own inline style: no scripts, no frames, no outside resources. */
    static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
            + "form-action 'none'";
    /** With email updates on, the page's one form posts to Detour itself. */
    static final String PAGE_POLICY_WITH_FORM = PAGE_POLICY.replace("form-action 'none'", "form-action 'self'");

    private final PublicStatusReader reader;
    private final PublicAddress address;
    private final String cacheControl;
    private final PublicStatusPage page;
    private final String pagePolicy;
    private final PublicStatusFeed feed;

    public PublicStatusController(PublicStatusReader reader, PublicAddress address,
                                  PublicStatusSettings settings, EmailSettings email) {
        this.pagePolicy = email.enabled() ? PAGE_POLICY_WITH_FORM : PAGE_POLICY;
        this.reader = reader;
        this.address = address;
        this.page = new PublicStatusPage(settings, email.enabled());
        this.feed = new PublicStatusFeed(settings);
        // Browsers and proxies may keep a reading this long: a reload storm during an incident reaches Detour
        // once per cache, and the state is at most this much older than the page says.
        this.cacheControl = "public, max-age=" + Math.max(0, settings.maxAge().toSeconds());
    }

    @Get(uri = "/status", produces = HTML)
    public HttpResponse<byte[]> page(HttpRequest<?> request) {
        return withLinks(cached(HttpResponse.ok(page.render(reader.read(), address.links(request)))))
                .header("Content-Security-Policy", pagePolicy)
                .header("X-Content-Type-Options", "nosniff");
    }

    /** One incident's page, by the public id the list, the JSON and the feed link to; 404 for any other text. */
    @Get(uri = "/status/incidents/{publicId}", produces = HTML)
    public HttpResponse<byte[]> incident(String publicId, HttpRequest<?> request) {
        PublicStatusLinks links = address.links(request);
        return reader.incident(publicId)
                .<HttpResponse<byte[]>>map(incident -> withLinks(cached(HttpResponse.ok(
                        page.render(incident, reader.read().updated(), links))))
                        .header("Content-Security-Policy", pagePolicy)
                        .header("X-Content-Type-Options", "nosniff"))
                .orElseGet(HttpResponse::notFound);
    }

    @Get("/status.json")
    public HttpResponse<PublicStatusJson> json(HttpRequest<?> request) {
        return withLinks(cached(HttpResponse.ok(PublicStatusJson.of(reader.read(), address.links(request)))));
    }

    @Get(uri = "/status/feed.atom", produces = ATOM)
    public HttpResponse<byte[]> feed(HttpRequest<?> request) {
        return withLinks(cached(HttpResponse.ok(feed.render(reader.read(), address.links(request)))));
    }

    private <T> MutableHttpResponse<T> cached(MutableHttpResponse<T> response) {
        return response.header(HttpHeaders.CACHE_CONTROL, cacheControl);
    }

    /** Links built from the request's headers differ per those headers: a shared cache must not mix them up. */
    private <T> MutableHttpResponse<T> withLinks(MutableHttpResponse<T> response) {
        return address.fromRequest() ? response.header(HttpHeaders.VARY, PublicAddress.FORWARDING_HEADERS)
                : response;
    }
}
