package dev.detour.notifications.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detour.incidents.application.Subscriptions;
import dev.detour.incidents.audit.AuditAction;
import dev.detour.incidents.audit.AuditRecord;
import dev.detour.incidents.audit.AuditSubject;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.lifecycle.Job;
import dev.detour.incidents.outbox.OutboxEntry;
import dev.detour.incidents.ports.OutboxQueue;
import dev.detour.incidents.subscription.LinkPurpose;
import dev.detour.incidents.subscription.LinkToken;
import dev.detour.incidents.subscription.Subscriber;
import dev.detour.incidents.subscription.SubscriberState;
import dev.detour.messages.SubscriberEmails;
import dev.detour.messages.Wording;
import dev.detour.notifications.Backoff;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Delivers the email rows of the outbox to the SMTP server. Each row is claimed (and marked as being sent) in a
 * transaction committed before the server is called, then settled. An SMTP server cannot be asked whether it took
 * an earlier attempt, so a row whose first attempt ended unknown is sent again: at least once.
 *
 * <p>The email is made when it is sent: a confirmation only while the address is still pending, an update only
 * while it is confirmed (an unsubscribe stops the updates already written), each with a fresh link token.
 */
@Singleton
@Requires(bean = MailSender.class)
public class EmailDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(EmailDispatcher.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 50;
    /** Longer than an SMTP call may take (SmtpMailSender's timeouts), so no other replica sends it meanwhile. */
    private static final Duration LEASE = Duration.ofSeconds(60);

    private final OutboxQueue outbox;
    private final Subscriptions subscriptions;
    private final MailSender mail;
    private final EmailLinks links;
    private final SubscriberEmails emails;
    private final Clock clock;
    private volatile boolean stopping;

    public EmailDispatcher(OutboxQueue outbox, Subscriptions subscriptions, MailSender mail, EmailLinks links,
                           Clock clock, Wording words) {
        this.emails = new SubscriberEmails(words);
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        this.mail = mail;
        this.links = links;
        this.clock = clock;
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        stopping = true;
        synchronized (this) {
            // Waits for the email in flight, so its row is settled before the database goes away.
        }
    }

    @Job("email-outbox")
    @Scheduled(fixedDelay = "${detour.outbox.poll:250ms}", initialDelay = "${detour.outbox.first-poll:1s}")
    public void poll() {
        if (!stopping) {
            dispatchDue();
        }
    }

    /** @return how many rows it finished (sent, skipped or failed for good) */
    public synchronized int dispatchDue() {
        int finished = 0;
        for (OutboxEntry row : outbox.due(EmailKind.TOPICS, BATCH)) {
            if (stopping) {
                break;
            }
            Optional<OutboxEntry> claimed = outbox.claim(row, EmailKind.TOPICS, clock.instant().plus(LEASE));
            if (claimed.isPresent() && deliver(claimed.get())) {
                finished++;
            }
        }
        return finished;
    }

    private boolean deliver(OutboxEntry row) {
        if (row.sendingSince() != null) {
            LOG.warn("email row {} ({}) is sent again: its earlier attempt ended without an answer", row.id(),
                    row.topic());
        }
        Optional<EmailKind> kind = EmailKind.of(row.kind());
        long subscriberId;
        try {
            subscriberId = Long.parseLong(row.destination());
        } catch (NumberFormatException e) {
            return failed(row, 0, "not a subscriber: " + row.destination());
        }
        if (kind.isEmpty()) {
            return failed(row, subscriberId, "unknown outbox kind " + row.kind());
        }
        Optional<Subscriber> subscriber = subscriptions.find(subscriberId);
        SubscriberState wanted = kind.get() == EmailKind.CONFIRMATION ? SubscriberState.PENDING
                : SubscriberState.CONFIRMED;
        if (subscriber.isEmpty() || subscriber.get().state() != wanted) {
            outbox.sent(row, List.of()); // confirmed or unsubscribed meanwhile: nothing to send
            return true;
        }
        Instant now = clock.instant();
        Email email;
        if (kind.get() == EmailKind.CONFIRMATION) {
            LinkToken token = subscriptions.issue(subscriberId, LinkPurpose.CONFIRM, now);
            SubscriberEmails.Text text = emails.confirmation(links.confirm(token), links.statusPage());
            email = new Email(subscriber.get().address(), text.subject(), text.body(), Optional.empty());
        } else {
            JsonNode post;
            try {
                post = JSON.readTree(row.payload());
            } catch (IOException e) {
                return failed(row, subscriberId, "unreadable payload");
            }
            LinkToken token = subscriptions.issue(subscriberId, LinkPurpose.UNSUBSCRIBE, now);
            SubscriberEmails.Text text = emails.update(post.path("headline").asText(), post.path("body").asText(),
                    links.statusPage(), links.unsubscribe(token));
            email = new Email(subscriber.get().address(), text.subject(), text.body(),
                    Optional.of(links.unsubscribe(token)));
        }
        MailResult result = mail.send(email);
        if (result instanceof MailResult.Sent) {
            outbox.sent(row, List.of(new AuditRecord(clock.instant(), Actor.system("outbox"),
                    AuditAction.delivered(row.topic()), AuditSubject.email(subscriberId), Optional.empty(),
                    Optional.empty(), Optional.empty(), incidentOf(row))));
            return true;
        }
        if (result instanceof MailResult.Retry retry) {
            LOG.info("email row {} ({} to subscriber {}) will be tried again: {}", row.id(), row.topic(),
                    subscriberId, retry.error());
            outbox.retry(row, clock.instant().plus(Backoff.after(row.attempts())), retry.error());
            return false;
        }
        return failed(row, subscriberId, ((MailResult.Failed) result).error());
    }

    private boolean failed(OutboxEntry row, long subscriber, String error) {
        LOG.warn("email row {} ({} to subscriber {}) failed for good: {}", row.id(), row.topic(), subscriber, error);
        outbox.failed(row, error, new AuditRecord(clock.instant(), Actor.system("outbox"),
                AuditAction.deliveryFailed(row.topic()), AuditSubject.email(subscriber), Optional.empty(),
                Optional.empty(), Optional.of(error), incidentOf(row)));
        return true;
    }

    private static Optional<IncidentId> incidentOf(OutboxEntry row) {
        return Optional.ofNullable(row.incidentId()).map(IncidentId::new);
    }
}
