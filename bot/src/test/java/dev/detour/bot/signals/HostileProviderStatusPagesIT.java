package dev.detour.bot.signals;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.Provider;
import dev.detour.incidents.lifecycle.Jobs;
import dev.detour.incidents.lifecycle.SingleWriter;
import dev.detour.incidents.testing.Await;
import dev.detour.notifications.testing.FakeSlack;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A status page that answers too much or too slowly is refused within the poll's deadline, the refusal is logged
 * with the size or the deadline, and the page is polled again: one page never silences Detour.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileProviderStatusPagesIT implements TestPropertyProvider {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final long TWO_MEGABYTES = 2L * 1024 * 1024;

    private final FakeSlack slack = SignalTestApp.slack();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger pollerLog = (Logger) LoggerFactory.getLogger(ProviderStatusPagePoller.class);

    @Inject
    Catalog catalog;
    @Inject
    ProviderStatusPageReadings readings;
    @Inject
    SingleWriter locks;
    @Inject
    Jobs jobs;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = SignalTestApp.properties(slack);
        properties.put("detour.statuspage.poll", "false"); // each test polls its own page
        return properties;
    }

    @AfterAll
    void stopSlack() {
        slack.close();
    }

    @BeforeEach
    void captureLog() {
        log.start();
        pollerLog.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        pollerLog.detachAppender(log);
    }

    private ProviderStatusPagePoller poller() {
        return new ProviderStatusPagePoller(catalog, readings, locks,
                new ProviderStatusPageSettings(true, Duration.ofMillis(100), TIMEOUT, TWO_MEGABYTES), jobs);
    }

    private Provider anthropic() {
        return catalog.provider(SeedCatalog.ANTHROPIC).orElseThrow();
    }

    @Test
    void aPageThatAnnouncesAGigabyteIsRefusedBeforeReadingItAndLoggedWithItsSize() throws Exception {
        try (HostileProviderStatusPage page = new HostileProviderStatusPage(HostileProviderStatusPage.Behaviour.ANNOUNCES_A_GIGABYTE)) {
            IllegalStateException refused = refusedWithin(Duration.ofSeconds(1), page);
            assertTrue(refused.getMessage().contains("1073741824 bytes"), refused.getMessage());

            keepsPollingAndLogs(page, "1073741824 bytes");
        }
    }

    @Test
    void aPageThatStreamsMoreThanTwoMegabytesWithoutALengthIsCutOffAndLogged() throws Exception {
        try (HostileProviderStatusPage page = new HostileProviderStatusPage(HostileProviderStatusPage.Behaviour.STREAMS_A_GIGABYTE)) {
            IllegalStateException refused = refusedWithin(TIMEOUT, page);
            assertTrue(refused.getMessage().contains("over the limit of 2097152 bytes"), refused.getMessage());

            keepsPollingAndLogs(page, "over the limit of 2097152 bytes");
        }
    }

    @Test
    void aPageThatSendsOneByteASecondIsAbandonedAtTheDeadlineAndLogged() throws Exception {
        try (HostileProviderStatusPage page = new HostileProviderStatusPage(HostileProviderStatusPage.Behaviour.DRIPS_ONE_BYTE_A_SECOND)) {
            IllegalStateException refused = refusedWithin(TIMEOUT.plusSeconds(1), page);
            assertTrue(refused.getMessage().contains("no complete answer within 2 s"), refused.getMessage());

            keepsPollingAndLogs(page, "no complete answer within 2 s");
        }
    }

    /** One poll, driven by hand: refused, and quickly. */
    private IllegalStateException refusedWithin(Duration limit, HostileProviderStatusPage page) {
        long started = System.nanoTime();
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> poller().poll(anthropic(), page.url(), new ProviderStatusPagePoller.PageState()));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(limit) < 0, "refused in " + took.toMillis() + " ms, within " + limit);
        return refused;
    }

    /** The poller on its own schedule: it logs each refusal and polls the page again and again. */
    private void keepsPollingAndLogs(HostileProviderStatusPage page, String reason) {
        ProviderStatusPagePoller poller = poller();
        int before = page.requests();
        try {
            poller.start(anthropic(), page.url());
            Await.await(() -> page.requests() >= before + 3, Duration.ofSeconds(20),
                    "the page to be polled again after each refusal (3 polls)");
            List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertTrue(lines.stream().anyMatch(line -> line.contains("status page of anthropic could not be read")
                    && line.contains(reason)), lines.toString());
        } finally {
            poller.stop();
        }
    }
}
