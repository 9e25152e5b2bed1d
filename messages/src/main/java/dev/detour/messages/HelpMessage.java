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

    public HelpMessage() {
        this(Wording.english());
    }

    public HelpMessage(Wording words) {
        this.words = words;
    }

    /** @param verb the command's first word, e.g. {@code disable} */
    public record Command(String verb, String usage, boolean onCall) {
    }

    public SlackMessage render(List<Command> commands) {
        return SlackMessage.plain("*" + words.get("help.header") + "*\n" + commands.stream()
                .map(command -> "`" + SlackText.escape(command.usage()) + "`\n      "
                        + words.get("help.verb." + command.verb())
                        + (command.onCall() ? " " + words.get("help.on-call") : ""))
                .collect(Collectors.joining("\n")));
    }
}
