package dev.detour.incidents.persistence;

import dev.detour.incidents.ports.SubscriberStore;
import dev.detour.incidents.subscription.EmailAddress;
import dev.detour.incidents.subscription.LinkOutcome;
import dev.detour.incidents.subscription.LinkPurpose;
import dev.detour.incidents.subscription.LinkToken;
import dev.detour.incidents.subscription.SubscribeOutcome;
import dev.detour.incidents.subscription.Subscriber;
import dev.detour.incidents.subscription.SubscriberState;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link SubscriberStore} over the email_subscriber, email_token and slack_subscriber tables (V26, V27). */
@Singleton
public class SubscriberTables implements SubscriberStore {
    /** A pending address asking again within this time gets no second email: a form sent twice, or a prank. */
    static final Duration RESEND_AFTER = Duration.ofMinutes(10);

    private final EmailSubscriberRepository subscribers;
    private final EmailTokenRepository tokens;
    private final SlackSubscriberRepository slack;
    private final SecureRandom random = new SecureRandom();

    public SubscriberTables(EmailSubscriberRepository subscribers, EmailTokenRepository tokens,
                           SlackSubscriberRepository slack) {
        this.subscribers = subscribers;
        this.tokens = tokens;
        this.slack = slack;
    }

    @Override
    @Transactional
    public SubscribeOutcome subscribe(EmailAddress address, Instant now) {
        if (subscribers.insertIfAbsent(address.value(), SubscriberState.PENDING.word(), now) == 1) {
            return new SubscribeOutcome.ConfirmationDue(read(subscribers.lockByAddress(address.value()).orElseThrow()));
        }
        EmailSubscriberRow row = subscribers.lockByAddress(address.value()).orElseThrow();
        SubscriberState state = SubscriberState.of(row.state());
        boolean resend = state == SubscriberState.UNSUBSCRIBED
                || state == SubscriberState.PENDING && !row.changedAt().plus(RESEND_AFTER).isAfter(now);
        if (!resend) {
            return new SubscribeOutcome.NothingToSend();
        }
        subscribers.changeState(row.id(), SubscriberState.PENDING.word(), now);
        return new SubscribeOutcome.ConfirmationDue(new Subscriber(row.id(), address, SubscriberState.PENDING, now));
    }

    /** A new token for a link in an email to the subscriber; only its hash is kept. */
    @Override
    @Transactional
    public LinkToken issue(long subscriber, LinkPurpose purpose, Instant now) {
        LinkToken token = LinkToken.random(random);
        tokens.insert(token.hash(), subscriber, purpose.word(), now.plus(purpose.validFor()));
        return token;
    }

    /** Follows a link: confirms or unsubscribes the address it was sent to, if the token is known and unexpired. */
    @Override
    @Transactional
    public LinkOutcome follow(LinkToken token, LinkPurpose purpose, Instant now) {
        Optional<EmailTokenRow> found = tokens.findValid(token.hash(), purpose.word(), now);
        Optional<EmailSubscriberRow> row = found.flatMap(t -> subscribers.lockById(t.subscriberId()));
        if (row.isEmpty()) {
            return LinkOutcome.UNKNOWN_OR_EXPIRED;
        }
        SubscriberState state = SubscriberState.of(row.get().state());
        if (purpose == LinkPurpose.UNSUBSCRIBE) {
            if (state != SubscriberState.UNSUBSCRIBED) {
                subscribers.changeState(row.get().id(), SubscriberState.UNSUBSCRIBED.word(), now);
            }
            return LinkOutcome.UNSUBSCRIBED;
        }
        return switch (state) {
            case PENDING -> {
                subscribers.changeState(row.get().id(), SubscriberState.CONFIRMED.word(), now);
                tokens.delete(token.hash()); // a confirm link works once
                yield LinkOutcome.CONFIRMED;
            }
            case CONFIRMED -> LinkOutcome.ALREADY_CONFIRMED;
            // Unsubscribed after this link was sent: an old confirmation must not subscribe them again.
            case UNSUBSCRIBED -> LinkOutcome.UNKNOWN_OR_EXPIRED;
        };
    }

    @Override
    @Transactional(readOnly = true)
    public List<Subscriber> confirmed() {
        return subscribers.findByState(SubscriberState.CONFIRMED.word()).stream().map(SubscriberTables::read).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Subscriber> find(long id) {
        return subscribers.findById(id).map(SubscriberTables::read);
    }

    /** @return how many expired tokens were forgotten */
    @Override
    @Transactional
    public int forgetExpiredTokens(Instant now) {
        return tokens.deleteExpired(now);
    }

    /** @return whether the user was not subscribed before */
    @Override
    @Transactional
    public boolean subscribeInSlack(String user, Instant now) {
        return slack.insertIfAbsent(user, now) == 1;
    }

    /** @return whether the user was subscribed */
    @Override
    @Transactional
    public boolean unsubscribeInSlack(String user) {
        return slack.delete(user) == 1;
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> slackSubscribers() {
        return slack.findAll().stream().map(SlackSubscriberRow::userId).toList();
    }

    private static Subscriber read(EmailSubscriberRow row) {
        return new Subscriber(row.id(), new EmailAddress(row.address()), SubscriberState.of(row.state()),
                row.changedAt());
    }
}
