package dev.detour.commands;

import com.slack.api.model.view.View;
import dev.detour.messages.SlackMessage;

/** What the person who typed a command or pressed a button sees. Public effects go through the outbox. */
public sealed interface CommandReply {

    /**
     * Seen only by them.
     *
     * @param replacesPreview it settles the Confirm-first preview whose button was pressed (applied, cancelled, or
     *                        a new preview because the state moved): it takes that message's place, so no stale
     *                        button stays on screen (docs/slack.md, "Confirm first")
     */
    record Ephemeral(SlackMessage message, boolean replacesPreview) implements CommandReply {
        public Ephemeral(SlackMessage message) {
            this(message, false);
        }

        /** The same answer, taking the place of the preview it settles. */
        public Ephemeral replacingPreview() {
            return new Ephemeral(message, true);
        }
    }

    /** A form opens (needs the interaction's trigger id). */
    record OpenModal(View view) implements CommandReply {
    }

    /** Nothing to say: a request sent a second time, which has no effect (see {@link Delivery}). */
    record Silent() implements CommandReply {
    }

    static CommandReply say(String mrkdwn) {
        return new Ephemeral(SlackMessage.plain(mrkdwn));
    }
}
