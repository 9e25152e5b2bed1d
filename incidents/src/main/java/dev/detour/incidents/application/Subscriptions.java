package dev.detour.incidents.application;

import dev.detour.incidents.ports.SubscriberStore;
import dev.detour.incidents.subscription.EmailAddress;
import dev.detour.incidents.subscription.LinkOutcome;
import dev.detour.incidents.subscription.LinkPurpose;
import dev.detour.incidents.subscription.LinkToken;
import dev.detour.incidents.subscription.SubscribeOutcome;
import dev.detour.incidents.subscription.Subscriber;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who follows customer updates outside the incident channels: email subscribers with double opt-in (a pending
 * address receives nothing until its confirm link is followed; each pending address gets at most one confirmation
 * per ten minutes) and the people in the org who asked for a Slack DM. The port other modules use; rows stay in
 * {@link SubscriberStore} (persistence implements it).
 */
@Singleton
public class Subscriptions {
    private final SubscriberStore store;

    public Subscriptions(SubscriberStore store) {
        this.store = store;
    }

    public SubscribeOutcome subscribe(EmailAddress address, Instant now) {
        return store.subscribe(address, now);
    }

    /** A new random token for a link in an email to the subscriber; only its hash is kept, until it expires. */
    public LinkToken issue(long subscriber, LinkPurpose purpose, Instant now) {
        return store.issue(subscriber, purpose, now);
    }

    public LinkOutcome follow(LinkToken token, LinkPurpose purpose, Instant now) {
        return store.follow(token, purpose, now);
    }

    public List<Subscriber> confirmed() {
        return store.confirmed();
    }

    public Optional<Subscriber> find(long id) {
        return store.find(id);
    }

    public int forgetExpiredTokens(Instant now) {
        return store.forgetExpiredTokens(now);
    }

    public boolean subscribeInSlack(String user, Instant now) {
        return store.subscribeInSlack(user, now);
    }

    public boolean unsubscribeInSlack(String user) {
        return store.unsubscribeInSlack(user);
    }

    public List<String> slackSubscribers() {
        return store.slackSubscribers();
    }
}
