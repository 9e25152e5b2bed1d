package dev.detour.bot.publicstatus;

import dev.detour.bot.publicstatus.SubscriptionPage.Answer;
import dev.detour.incidents.application.Subscriptions;
import dev.detour.incidents.subscription.EmailAddress;
import dev.detour.incidents.subscription.LinkOutcome;
import dev.detour.incidents.subscription.LinkPurpose;
import dev.detour.incidents.subscription.LinkToken;
import dev.detour.messages.WordKey;
import dev.detour.messages.Wording;
import dev.detour.notifications.email.EmailSettings;
import dev.detour.notifications.email.EmailSubscriptions;
import dev.detour.notifications.language.WordingFactory;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Named;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * Email updates for readers of the status page (docs/status.md, "Follow updates"): the subscribe form's target,
 * the confirm link of double opt-in, and the unsubscribe link of every email, which shows a button (link scanners
 * open links; only a POST unsubscribes) and takes mail clients' one-click POST (RFC 8058). Every answer is a plain
 * page without scripts; bad input is a 4xx page that says what to do.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class SubscriptionController {
    static final String SUBSCRIBE = "/status/subscribe";
    /** A form with one address field is far shorter: a longer body is refused unread. */
    static final int LONGEST_FORM = 1024;
    private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
            + "form-action 'self'";

    private final EmailSettings settings;
    private final EmailSubscriptions email;
    private final Subscriptions subscriptions;
    private final SubscribeLimiter limiter;
    private final PublicAddress address;
    private final Clock clock;
    private final Wording words;
    private final SubscriptionPage page;

    /** @param english the pages are English, like the status page they belong to */
    public SubscriptionController(EmailSettings settings, EmailSubscriptions email, Subscriptions subscriptions,
                                  SubscribeLimiter limiter, PublicAddress address, Clock clock,
                                  @Named(WordingFactory.API) Wording english) {
        this.words = english;
        this.page = new SubscriptionPage(english);
        this.settings = settings;
        this.email = email;
        this.subscriptions = subscriptions;
        this.limiter = limiter;
        this.address = address;
        this.clock = clock;
    }

    @Post(uri = SUBSCRIBE, consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = PublicStatusController.HTML)
    public HttpResponse<byte[]> subscribe(HttpRequest<?> request, @Body @Nullable String form) {
        if (!settings.enabled()) {
            return answer(request, HttpStatus.NOT_FOUND, Answer.NOT_OFFERED);
        }
        if (!limiter.tryTake()) {
            return answer(request, HttpStatus.TOO_MANY_REQUESTS, Answer.BUSY)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(limiter.secondsToWait()));
        }
        if (form != null && form.length() > LONGEST_FORM) {
            return answer(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, Answer.INVALID);
        }
        EmailAddress.Parsed parsed = EmailAddress.parse(field(form == null ? "" : form, "email"));
        if (parsed instanceof EmailAddress.Parsed.Refused refused) {
            return answer(request, HttpStatus.BAD_REQUEST, refused.problem() == EmailAddress.Problem.TOO_LONG
                    ? Answer.TOO_LONG : Answer.INVALID);
        }
        email.subscribe(((EmailAddress.Parsed.Valid) parsed).address());
        return answer(request, HttpStatus.OK, Answer.CHECK_INBOX); // the same whether the address was known or not
    }

    @Get(uri = SUBSCRIBE + "/confirm", produces = PublicStatusController.HTML)
    public HttpResponse<byte[]> confirm(HttpRequest<?> request, @QueryValue @Nullable String token) {
        if (!LinkToken.looksLikeOne(token)) {
            return answer(request, HttpStatus.BAD_REQUEST, Answer.LINK_UNKNOWN);
        }
        LinkOutcome outcome = subscriptions.follow(new LinkToken(token), LinkPurpose.CONFIRM, clock.instant());
        return switch (outcome) {
            case CONFIRMED, ALREADY_CONFIRMED -> answer(request, HttpStatus.OK, Answer.CONFIRMED);
            case UNSUBSCRIBED, UNKNOWN_OR_EXPIRED -> answer(request, HttpStatus.NOT_FOUND, Answer.LINK_UNKNOWN);
        };
    }

    @Get(uri = PublicEmailLinks.UNSUBSCRIBE, produces = PublicStatusController.HTML)
    public HttpResponse<byte[]> unsubscribePage(HttpRequest<?> request, @QueryValue @Nullable String token) {
        if (!LinkToken.looksLikeOne(token)) {
            return answer(request, HttpStatus.BAD_REQUEST, Answer.LINK_UNKNOWN);
        }
        URI action = URI.create(PublicEmailLinks.UNSUBSCRIBE + "?token=" + token);
        return answer(request, HttpStatus.OK, Answer.UNSUBSCRIBE, Optional.of(new SubscriptionPage.Button(action,
                words.get(WordKey.SUBSCRIPTION_PAGE_UNSUBSCRIBE_BUTTON))));
    }

    /** The button on the page above, and mail clients' one-click unsubscribe (body {@code List-Unsubscribe=One-Click}). */
    @Post(uri = PublicEmailLinks.UNSUBSCRIBE, consumes = {MediaType.APPLICATION_FORM_URLENCODED,
            MediaType.MULTIPART_FORM_DATA}, produces = PublicStatusController.HTML)
    public HttpResponse<byte[]> unsubscribe(HttpRequest<?> request, @QueryValue @Nullable String token) {
        if (!LinkToken.looksLikeOne(token)) {
            return answer(request, HttpStatus.BAD_REQUEST, Answer.LINK_UNKNOWN);
        }
        LinkOutcome outcome = subscriptions.follow(new LinkToken(token), LinkPurpose.UNSUBSCRIBE, clock.instant());
        return outcome == LinkOutcome.UNSUBSCRIBED ? answer(request, HttpStatus.OK, Answer.UNSUBSCRIBED)
                : answer(request, HttpStatus.NOT_FOUND, Answer.LINK_UNKNOWN);
    }

    private MutableHttpResponse<byte[]> answer(HttpRequest<?> request, HttpStatus status, Answer which) {
        return answer(request, status, which, Optional.empty());
    }

    private MutableHttpResponse<byte[]> answer(HttpRequest<?> request, HttpStatus status, Answer which,
                                               Optional<SubscriptionPage.Button> button) {
        return HttpResponse.<byte[]>status(status).body(page.render(which, address.links(request).page(), button))
                .contentType(PublicStatusController.HTML)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff");
    }

    /** The first value of {@code name} in a URL-encoded form; empty when absent or not decodable. */
    static String field(String form, String name) {
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (key.equals(name)) {
                try {
                    return URLDecoder.decode(equals < 0 ? "" : pair.substring(equals + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    return "";
                }
            }
        }
        return "";
    }
}
