package dev.detour.commands;

import com.slack.api.model.view.View;
import dev.detour.messages.SlackMessage;

/** What the person who typed a command or pressed a button sees. Public effects go through the outbox. */
public sealed interface CommandReply {

    /** Seen only by them. */
    record Ephemeral(SlackMessage message) implements CommandReply {
    }

    /** A form opens (needs the interaction's trigger id). */
    record OpenModal(View view) implements CommandReply {
    }

    static CommandReply say(String mrkdwn) {
        return new Ephemeral(SlackMessage.plain(mrkdwn));
    }
}
