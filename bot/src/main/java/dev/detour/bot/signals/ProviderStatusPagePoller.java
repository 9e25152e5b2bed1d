package dev.detour.bot.signals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detour.bot.api.JsonProblems;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.Provider;
import dev.detour.incidents.lifecycle.Jobs;
import dev.detour.incidents.lifecycle.SingleWriter;
import dev.detour.notifications.http.AnswerTooLargeException;
import dev.detour.notifications.http.BoundedHttp;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Polls {@code /api/v2/summary.json} of every provider with a {@code status-page}, each on its own schedule:
 * conditional requests (ETag / Last-Modified), a growing pause while a page is down, so a slow or broken page never
 * delays the others, and a limit on what one poll reads: the whole answer within {@code detour.statuspage.timeout},
 * at most {@code detour.statuspage.max-size} bytes (see docs/signals.md). A poll that fails in any way, even with an
 * {@link Error}, is logged and the page is polled again.
 */
@Singleton
public class ProviderStatusPagePoller {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderStatusPagePoller.class);
    static final Duration MAX_PAUSE = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Catalog catalog;
    private final ProviderStatusPageReadings readings;
    private final SingleWriter locks;
    /** How often a replica that does not poll a page checks whether the one that does is still alive. */
    private static final Duration TAKEOVER = Duration.ofSeconds(5);
    private final boolean poll;
    private final Duration interval;
    private final Duration timeout;
    private final long maxSize;
    private final Jobs jobs;
    /** Made by the first poll, on a poller thread: its TLS set-up would otherwise add a quarter second to start-up. */
    private volatile BoundedHttp http;
    private final ScheduledExecutorService schedule;
    private final Map<String, PageState> pages = new ConcurrentHashMap<>();

    public ProviderStatusPagePoller(Catalog catalog, ProviderStatusPageReadings readings, SingleWriter locks,
                            ProviderStatusPageSettings settings, Jobs jobs) {
        this.catalog = catalog;
        this.poll = settings.poll();
        this.maxSize = settings.maxSize();
        this.jobs = jobs;
        this.readings = readings;
        this.locks = locks;
        this.interval = settings.pollInterval();
        this.timeout = settings.timeout();
        // A thread per page: a page that hangs until its timeout never delays another page's poll.
        int pageCount = (int) catalog.providers().stream().filter(p -> p.statusPage().isPresent()).count();
        this.schedule = Executors.newScheduledThreadPool(Math.max(1, pageCount), runnable -> {
            Thread thread = new Thread(runnable, "statuspage-poll");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** What a page last said about itself, for conditional requests and backoff. */
    static final class PageState {
        volatile String etag;
        volatile String lastModified;
        volatile int failures;
    }

    /** Once the server listens: the first poll's HTTP client, TLS and parser cost the start about 0.2 s otherwise. */
    @EventListener
    public void onStartup(ServerStartupEvent event) {
        if (!poll) {
            return; // tests and operators that turned polling off still take Statuspage webhooks
        }
        for (Provider provider : catalog.providers()) {
            provider.statusPage().ifPresent(page -> start(provider, page));
        }
    }

    /** Starts polling one page; package-visible so tests can point a provider at a fake page. */
    void start(Provider provider, URI page) {
        pages.put(provider.id().value(), new PageState());
        jobs.expect(job(provider), interval, Duration.ZERO);
        schedule.schedule(() -> pollAndReschedule(provider, page), 0, TimeUnit.SECONDS);
    }

    private void pollAndReschedule(Provider provider, URI page) {
        PageState state = pages.get(provider.id().value());
        Duration next = TAKEOVER;
        try {
            next = pollIfOurs(provider, page, state);
        } finally {
            jobs.expect(job(provider), next, next); // health allows for a page in backoff (docs/deploy.md)
            reschedule(provider, page, next);
        }
    }

    /** @return when to come back */
    private Duration pollIfOurs(Provider provider, URI page, PageState state) {
        AtomicBoolean ours = new AtomicBoolean();
        jobs.run(job(provider), () -> {
            if (!locks.holds("statuspage-poller:" + provider.id())) {
                return; // another replica polls this page; ask again soon, to take over within seconds if it dies
            }
            ours.set(true);
            try {
                poll(provider, page, state);
            } catch (RuntimeException e) {
                state.failures++;
                LOG.warn("status page of {} could not be read: {}", provider.id(), e.getMessage());
            }
        });
        return ours.get() ? pause(state.failures) : TAKEOVER;
    }

    /** The poller's name in {@link Jobs}, and in health and metrics. */
    static String job(Provider provider) {
        return "statuspage-poll:" + provider.id();
    }

    private void reschedule(Provider provider, URI page, Duration after) {
        try {
            if (!schedule.isShutdown()) {
                schedule.schedule(() -> pollAndReschedule(provider, page), after.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            LOG.error("status page of {} could not be scheduled again; it is no longer polled", provider.id(), e);
        }
    }

    /**
     * One poll; package-visible so tests can drive it without waiting. A poll that fails in any way leaves the page
     * "unreadable" until one succeeds (docs/signals.md).
     */
    void poll(Provider provider, URI page, PageState state) {
        try {
            fetchAndRead(provider, page, state);
        } catch (RuntimeException e) {
            readings.unreadable(provider, e.getMessage());
            throw e;
        }
    }

    private void fetchAndRead(Provider provider, URI page, PageState state) {
        HttpRequest.Builder request = HttpRequest.newBuilder(summaryUrl(page)).timeout(timeout)
                .header("Accept", "application/json").GET();
        if (state.etag != null) {
            request.header("If-None-Match", state.etag);
        }
        if (state.lastModified != null) {
            request.header("If-Modified-Since", state.lastModified);
        }
        HttpResponse<byte[]> response;
        try {
            response = http().send(request.build(), maxSize, timeout);
        } catch (AnswerTooLargeException e) {
            throw new IllegalStateException("refused: " + e.getMessage(), e);
        } catch (HttpTimeoutException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (IOException e) {
            // e.g. a ConnectException, whose message is often empty: its class says what happened
            throw new IllegalStateException("unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (response.statusCode() == 304) {
            state.failures = 0;
            return;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        JsonNode summary;
        try {
            summary = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + JsonProblems.describe(e), e);
        }
        if (summary == null || !summary.path("components").isArray()) {
            // HTML at the JSON address, or another platform's JSON: the page moved; never read it as "all well"
            throw new IllegalStateException("not a Statuspage summary.json (no \"components\" list)");
        }
        readings.summary(provider, summary);
        state.failures = 0;
        state.etag = response.headers().firstValue("ETag").orElse(null);
        state.lastModified = response.headers().firstValue("Last-Modified").orElse(null);
    }

    /** The interval while the page answers; doubling per failure while it does not, up to ten minutes. */
    Duration pause(int failures) {
        if (failures == 0) {
            return interval;
        }
        Duration grown = interval.multipliedBy(1L << Math.min(failures, 10));
        return grown.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : grown;
    }

    static URI summaryUrl(URI page) {
        String base = page.toString().endsWith("/") ? page.toString() : page + "/";
        return URI.create(base).resolve("api/v2/summary.json");
    }

    PageState state(Provider provider) {
        return pages.computeIfAbsent(provider.id().value(), id -> new PageState());
    }

    private BoundedHttp http() {
        BoundedHttp client = http;
        if (client == null) {
            synchronized (this) {
                if (http == null) {
                    http = new BoundedHttp(HttpClient.newBuilder().connectTimeout(timeout)
                            .followRedirects(HttpClient.Redirect.NORMAL).build());
                }
                client = http;
            }
        }
        return client;
    }

    @PreDestroy
    public void stop() {
        schedule.shutdownNow();
    }
}
