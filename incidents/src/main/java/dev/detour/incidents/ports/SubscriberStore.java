package dev.detour.incidents.ports;

import dev.detour.incidents.subscription.EmailAddress;
import dev.detour.incidents.subscription.LinkOutcome;
import dev.detour.incidents.subscription.LinkPurpose;
import dev.detour.incidents.subscription.LinkToken;
import dev.detour.incidents.subscription.SubscribeOutcome;
import dev.detour.incidents.subscription.Subscriber;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Email subscribers with their link tokens, and the Slack users who asked for a DM per customer update. Double
 * opt-in: an address receives updates only after its confirmation link was followed. Each method is one
 * transaction of its own.
 */
public interface SubscriberStore {
    /** Adds the address as pending, or says a confirmation is due again (unsubscribed, or pending long enough). */
    SubscribeOutcome subscribe(EmailAddress address, Instant now);

    /** A new token for a link in an email to the subscriber; only its hash is kept. */
    LinkToken issue(long subscriber, LinkPurpose purpose, Instant now);

    /** Follows a link: confirms or unsubscribes the address it was sent to, if the token is known and unexpired. */
    LinkOutcome follow(LinkToken token, LinkPurpose purpose, Instant now);

    List<Subscriber> confirmed();

    Optional<Subscriber> find(long id);

    /** @return how many expired tokens were forgotten */
    int forgetExpiredTokens(Instant now);

    /** @return whether the user was not subscribed before */
    boolean subscribeInSlack(String user, Instant now);

    /** @return whether the user was subscribed */
    boolean unsubscribeInSlack(String user);

    List<String> slackSubscribers();
}
