package dev.detour.notifications.email;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detour.incidents.application.Subscriptions;
import dev.detour.incidents.outbox.CopyRule;
import dev.detour.incidents.outbox.OutboxDraft;
import dev.detour.incidents.subscription.Subscriber;
import dev.detour.incidents.support.SupportPostDraft;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every customer update also goes by email to each confirmed subscriber: one outbox row per subscriber, written in
 * the change's transaction with the same {@code Once} as the support post, so each update arrives once. The row
 * carries the post's words; the email, with its fresh unsubscribe link, is made when it is sent.
 */
@Singleton
public class EmailOutboxRule implements CopyRule {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmailSettings settings;
    private final Provider<Subscriptions> subscriptions;

    public EmailOutboxRule(EmailSettings settings, Provider<Subscriptions> subscriptions) {
        this.settings = settings;
        this.subscriptions = subscriptions;
    }

    @Override
    public List<OutboxDraft> copiesOf(List<OutboxDraft> supportPosts) {
        if (!settings.enabled()) {
            return List.of();
        }
        List<Subscriber> confirmed = subscriptions.get().confirmed();
        List<OutboxDraft> drafts = new ArrayList<>();
        for (OutboxDraft update : supportPosts) {
            String payload = payload(update.supportPost().orElseThrow());
            for (Subscriber subscriber : confirmed) {
                drafts.add(new OutboxDraft(EmailKind.UPDATE, Long.toString(subscriber.id()), update.once(), payload,
                        update.incident(), Optional.empty()));
            }
        }
        return drafts;
    }

    static String payload(SupportPostDraft post) {
        try {
            return JSON.writeValueAsString(Map.of("headline", post.headline(), "body", post.body()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
