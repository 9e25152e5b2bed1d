package dev.detour.commands;

import java.util.Map;

/** The answer to a submitted modal: close it, or keep it open with a message under the inputs that were wrong. */
public sealed interface SubmissionReply {

    /** @param followUp what to tell the person once the modal has closed */
    record Close(CommandReply followUp) implements SubmissionReply {
    }

    /** @param errors by input block id */
    record Errors(Map<String, String> errors) implements SubmissionReply {
        public Errors {
            errors = Map.copyOf(errors);
        }
    }
}
