package dev.detour.commands;

import com.slack.api.model.view.View;

import java.util.Map;

/**
 * The answer to a submitted form, decided in memory within Slack's acknowledgement: keep it open with a message
 * under the inputs that were wrong, or close it and carry out its command after the acknowledgement.
 */
public sealed interface SubmissionReply {

    /** @param command what the form asks for, for {@link CommandHandler#execute} once Slack has its ack */
    record Accepted(DetourCommand command) implements SubmissionReply {
    }

    /**
     * Keep the form open and show it again as {@code view} (the update form with the exact text customers will
     * read, to confirm); nothing was done.
     */
    record Preview(View view) implements SubmissionReply {
    }

    /** @param followUp what to tell the person once the form has closed; nothing was done */
    record Close(CommandReply followUp) implements SubmissionReply {
    }

    /** @param errors by input block id */
    record Errors(Map<String, String> errors) implements SubmissionReply {
        public Errors {
            errors = Map.copyOf(errors);
        }
    }
}
