package dev.detour.notifications.slack;

import dev.detour.incidents.application.Subscriptions;
import dev.detour.incidents.outbox.CopyRule;
import dev.detour.incidents.outbox.OutboxDraft;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every customer update also goes, as a DM, to each person in the org who asked for it with
 * {@code /detour subscribe}: one outbox row per person, written in the change's transaction, so each arrives once.
 * The DM is the support post, as {@link SupportOutboxRule} drafted it.
 */
@Singleton
public class SlackSubscriberOutboxRule implements CopyRule {
    // A provider: the subscriptions service writes to the outbox, which needs this rule.
    private final Provider<Subscriptions> subscriptions;

    public SlackSubscriberOutboxRule(Provider<Subscriptions> subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public List<OutboxDraft> copiesOf(List<OutboxDraft> supportPosts) {
        List<String> users = subscriptions.get().slackSubscribers();
        List<OutboxDraft> drafts = new ArrayList<>();
        for (OutboxDraft post : supportPosts) {
            for (String user : users) {
                // Slack opens (or reuses) the app's DM with a user when a message is posted to the user's id.
                drafts.add(new OutboxDraft(SlackKind.DIRECT_MESSAGE, user, post.once(), post.payload(),
                        post.incident(), Optional.empty()));
            }
        }
        return drafts;
    }
}
