package dev.detour.notifications.slack;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.SlackSettings;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.outbox.Once;
import dev.detour.incidents.outbox.OutboxDraft;
import dev.detour.incidents.outbox.OutboxRule;
import dev.detour.messages.ApprovalMessage;
import dev.detour.messages.Names;
import dev.detour.messages.Wording;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The two-person rule in the incident's thread (docs/routing.md, "Two-person rule"): a request for approval or an
 * emergency apply is posted with its preview ({@link SlackKind#APPROVAL}); once settled, that message is edited to
 * one line ({@link SlackKind#APPROVAL_SETTLED}). Support posts never mention either.
 */
@Singleton
@Order(3)
public class ApprovalOutboxRule implements OutboxRule {
    private final SlackSettings slack;
    private final ApprovalMessage messages;

    public ApprovalOutboxRule(SlackSettings slack, Catalog catalog, Wording words) {
        this.slack = slack;
        this.messages = new ApprovalMessage(new Names(catalog), words);
    }

    @Override
    public List<OutboxDraft> draftsFor(DetourEvent event) {
        if (!(event instanceof DetourEvent.ApprovalChanged changed)) {
            return List.of();
        }
        long id = changed.approval().id();
        if (changed.preview().isPresent()) {
            return List.of(new OutboxDraft(SlackKind.APPROVAL, slack.incidentChannel(), Once.perEvent(),
                    new ApprovalPost(id, SlackPayload.of(messages.opened(changed.approval(), changed.preview().get(),
                            changed.at()))).toJson(), changed.incident()));
        }
        return List.of(new OutboxDraft(SlackKind.APPROVAL_SETTLED, slack.incidentChannel(), Once.perEvent(),
                new ApprovalPost(id, SlackPayload.of(messages.settled(changed.approval(), changed.at()))).toJson(),
                changed.incident()));
    }
}
