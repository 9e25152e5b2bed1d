package dev.detour.commands;

import dev.detour.incidents.catalog.EnumWords;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The first word of a {@code /detour} command, its usage line, and whether it changes production. What each
 * command does is said in the messages bundle, keyed by its word ({@code help.verb.<word>}; see HelpMessage).
 */
public enum Verb {
    HELP("/detour help", false),
    STATUS("/detour status", false),
    DECLARE("/detour declare <provider|model>... [-- reason]", true),
    DISABLE("/detour disable <provider|model>... [-- reason]", true),
    ENABLE("/detour enable <provider|model>... [-- reason]", true),
    ROUTE("/detour route <task-class> <model|stop|auto>", true),
    CONSENT("/detour consent <task-class> approve|deny", true),
    UPDATE("/detour update <INC-n> <text>", true),
    STATE("/detour state <INC-n> investigating|identified|monitoring|resolved", true),
    RESOLVE("/detour resolve <INC-n> [-- summary]", true),
    REOPEN("/detour reopen <INC-n> [-- reason]", true),
    SUMMARY("/detour summary <INC-n>", false),
    AUDIT("/detour audit [INC-n|provider|model|task-class] [since <duration>]", false),
    SUBSCRIBE("/detour subscribe", false),
    UNSUBSCRIBE("/detour unsubscribe", false);

    private final String usage;
    private final boolean changesProduction;

    Verb(String usage, boolean changesProduction) {
        this.usage = usage;
        this.changesProduction = changesProduction;
    }

    public String word() {
        return EnumWords.of(this);
    }

    public String usage() {
        return usage;
    }

    /** Reading commands are open to everyone; the rest are for on-call. */
    public boolean changesProduction() {
        return changesProduction;
    }

    public static Optional<Verb> fromWord(String word) {
        return EnumWords.parse(values(), word);
    }

    public static List<String> words() {
        return Arrays.stream(values()).map(Verb::word).toList();
    }
}
