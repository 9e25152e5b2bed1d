package dev.detour.incidents.outbox;

import java.util.List;

/**
 * Sends the support posts one event drafted on to more readers (subscribers' Slack DMs, emails): each copy is a row
 * of its own, with the post's {@link Once}, so each reader gets each post once. The outbox hands it the drafts the
 * {@link OutboxRule}s made for the event, so a post is worked out once per event, however many copies it has, and a
 * copy says what the post says. Called inside the change's transaction, like {@link OutboxRule}.
 */
public interface CopyRule {
    /** The copies of {@code supportPosts} (each with a support post, all for one event); none is a support post. */
    List<OutboxDraft> copiesOf(List<OutboxDraft> supportPosts);
}
