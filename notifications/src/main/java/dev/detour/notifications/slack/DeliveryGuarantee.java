package dev.detour.notifications.slack;

import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.TreeMap;

/**
 * Which promise Slack delivery keeps now. <b>Exactly once</b> while Detour may read the history of the channels it
 * posts to: a post whose call ended without an answer is looked up there before it is sent again. <b>At least
 * once</b> when {@code detour.slack.read-history} is off or Slack refused the history of a channel
 * ({@code missing_scope}): a post is doubled only when Detour dies between Slack's answer and its own commit, or
 * when Slack accepts a post but its answer does not arrive. docs/slack.md explains both.
 */
@Singleton
public class DeliveryGuarantee {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryGuarantee.class);

    /** @param detail what the operator should know, e.g. which channel's history Slack refused and why */
    public record Current(Kind kind, String detail) {
    }

    public enum Kind {
        EXACTLY_ONCE("exactly-once"), AT_LEAST_ONCE("at-least-once");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    private final boolean readHistory;
    private final boolean console;
    private final Map<String, String> refused = new TreeMap<>(); // guarded by "this": channel -> reason

    public DeliveryGuarantee(SlackDeliverySettings settings,
                             @Property(name = "slack.bot-token", defaultValue = "") String botToken) {
        this.readHistory = settings.readHistory();
        this.console = botToken.isBlank();
    }

    /** Whether a post to {@code channel} whose outcome is unknown can be looked up before it is sent again. */
    public synchronized boolean canLookUp(String channel) {
        return readHistory && !refused.containsKey(channel);
    }

    /** Slack refused to show {@code channel}'s history: delivery there is at least once from now on. */
    public synchronized void refused(String channel, String reason) {
        if (refused.put(channel, reason) == null) {
            LOG.warn("Slack delivery to {} is at least once, not exactly once: Slack refused its history ({}). "
                    + "Add the channels:history (public) or groups:history (private) scope and reinstall the app "
                    + "for exactly once; see docs/slack.md", channel, reason);
        }
    }

    public synchronized Current current() {
        if (console) {
            return new Current(Kind.AT_LEAST_ONCE, "console mode: nothing is sent to Slack");
        }
        if (!readHistory) {
            return new Current(Kind.AT_LEAST_ONCE, "detour.slack.read-history is off");
        }
        if (!refused.isEmpty()) {
            StringBuilder detail = new StringBuilder("Slack refused the history of");
            refused.forEach((channel, reason) -> detail.append(' ').append(channel).append(" (").append(reason)
                    .append(')'));
            return new Current(Kind.AT_LEAST_ONCE, detail.toString());
        }
        return new Current(Kind.EXACTLY_ONCE, "posts whose outcome is unknown are looked up in channel history");
    }

    /** The guarantee in one line, for the start-up log. */
    public String describe() {
        Current current = current();
        return current.kind().word() + " (" + current.detail() + ")";
    }
}
