package dev.detour.messages;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code /detour help}: each command's usage line, what it does, and whether only on-call may run it. The usage
 * and the on-call mark come from {@code commands}, which owns the commands; what each does is in the bundle,
 * keyed by its verb ({@code help.verb.<verb>}), so it can be translated.
 */
public final class HelpMessage {
    private final Wording words;

    public HelpMessage(Wording words) {
        this.words = words;
    }

    /** @param description what the command does, e.g. {@link WordKey#HELP_VERB_DISABLE} */
    public record Command(WordKey description, String usage, boolean onCall) {
    }

    public SlackMessage render(List<Command> commands) {
        return SlackMessage.plain("*" + words.get(WordKey.HELP_HEADER) + "*\n" + commands.stream()
                .map(command -> "`" + SlackText.escape(command.usage()) + "`\n      "
                        + words.get(command.description())
                        + (command.onCall() ? " " + words.get(WordKey.HELP_ON_CALL) : ""))
                .collect(Collectors.joining("\n")));
    }
}
