package dev.detour.notifications.slack;

import dev.detour.incidents.application.Subscriptions;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.outbox.OutboxDraft;
import dev.detour.incidents.outbox.OutboxRule;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every customer update also goes, as a DM, to each person in the org who asked for it with
 * {@code /detour subscribe}: one outbox row per person, written in the change's transaction, so each arrives once.
 */
@Singleton
public class SlackSubscriberOutboxRule implements OutboxRule {
    private final SupportOutboxRule support;
    private final Provider<Subscriptions> subscriptions;

    public SlackSubscriberOutboxRule(SupportOutboxRule support, Provider<Subscriptions> subscriptions) {
        this.support = support;
        this.subscriptions = subscriptions;
    }

    @Override
    public List<OutboxDraft> draftsFor(DetourEvent event) {
        List<OutboxDraft> updates = support.customerUpdates(event);
        if (updates.isEmpty()) {
            return List.of();
        }
        List<String> users = subscriptions.get().slackSubscribers();
        List<OutboxDraft> drafts = new ArrayList<>();
        for (OutboxDraft update : updates) {
            for (String user : users) {
                // Slack opens (or reuses) the app's DM with a user when a message is posted to the user's id.
                drafts.add(new OutboxDraft(SlackKind.DIRECT_MESSAGE, user, update.once(), update.payload(),
                        update.incident(), Optional.empty()));
            }
        }
        return drafts;
    }
}
