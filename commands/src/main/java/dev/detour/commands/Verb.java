package dev.detour.commands;

import dev.detour.incidents.catalog.Words;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The first word of a {@code /detour} command, its usage line, and whether it changes production. */
public enum Verb {
    HELP("/detour help", "this list", false),
    STATUS("/detour status", "what is switched off and how each task class is routed now", false),
    DECLARE("/detour declare <provider|model>... [-- reason]", "open an incident (no arguments: a form)", true),
    DISABLE("/detour disable <provider|model>... [-- reason]",
            "mark unavailable (opens an incident if none covers it)", true),
    ENABLE("/detour enable <provider|model>... [-- reason]", "mark available again", true),
    ROUTE("/detour route <task-class> <model|stop|auto>", "override or release a task class's route", true),
    CONSENT("/detour consent <task-class> approve|deny", "answer a pending fallback question", true),
    UPDATE("/detour update <INC-n> <text>", "post an update (thread + support channel)", true),
    STATE("/detour state <INC-n> investigating|identified|monitoring|resolved", "move an incident", true),
    RESOLVE("/detour resolve <INC-n> [-- summary]", "resolve an incident", true),
    SUMMARY("/detour summary <INC-n>", "the manager summary", false),
    AUDIT("/detour audit [INC-n|provider|model|task-class] [since <duration>]", "who changed what, and why",
            false);

    private final String usage;
    private final String description;
    private final boolean changesProduction;

    Verb(String usage, String description, boolean changesProduction) {
        this.usage = usage;
        this.description = description;
        this.changesProduction = changesProduction;
    }

    public String word() {
        return Words.of(this);
    }

    public String usage() {
        return usage;
    }

    public String description() {
        return description;
    }

    /** Reading commands are open to everyone; the rest are for on-call. */
    public boolean changesProduction() {
        return changesProduction;
    }

    public static Optional<Verb> fromWord(String word) {
        return Words.parse(values(), word);
    }

    public static List<String> words() {
        return Arrays.stream(values()).map(Verb::word).toList();
    }
}
