package dev.detour.commands;

import dev.detour.incidents.catalog.EnumWords;
import dev.detour.messages.WordKey;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The first word of a {@code /detour} command, its usage line, and whether it changes production. What each
 * command does is said in the messages bundle ({@link #description()}, shown by HelpMessage).
 */
public enum Verb {
    HELP("/detour help", false),
    STATUS("/detour status [INC-n]", false),
    DECLARE("/detour declare <provider|model>... [-- reason]", true),
    DISABLE("/detour disable <provider|model>... [--dry-run|--now] [-- reason]", true),
    ENABLE("/detour enable <provider|model>... [--at-once] [--dry-run] [-- reason]", true),
    RAMP("/detour ramp <provider|model> status|pause|resume|abort|complete [-- reason]", true),
    ROUTE("/detour route <task-class> <model|stop|auto> [--dry-run]", true),
    CONSENT("/detour consent <task-class> approve|deny", true),
    UPDATE("/detour update <INC-n> [--] <text for the thread> [--public <text for customers>]", true),
    STATE("/detour state <INC-n> investigating|identified|monitoring|resolved", true),
    TITLE("/detour title <INC-n> <text>", true),
    KIND("/detour kind <INC-n> outage|degradation|model-change|routing-change|policy-change|maintenance", true),
    RESOLVE("/detour resolve <INC-n> [-- summary] [--public customer text] [--cause why] [--follow-up what @owner due YYYY-MM-DD]", true),
    REOPEN("/detour reopen <INC-n> [-- reason]", true),
    SUMMARY("/detour summary <INC-n> [full]", false),
    AUDIT("/detour audit [INC-n|provider|model|task-class] [since <duration>] [all] [page <n>]", false),
    MAINTENANCE("/detour maintenance <provider|model>... <from> <until> [-- reason] | list | cancel <M-id>", true),
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

    /** What the command does, as {@code /detour help} lists it. */
    public WordKey description() {
        return switch (this) {
            case HELP -> WordKey.HELP_VERB_HELP;
            case STATUS -> WordKey.HELP_VERB_STATUS;
            case DECLARE -> WordKey.HELP_VERB_DECLARE;
            case DISABLE -> WordKey.HELP_VERB_DISABLE;
            case ENABLE -> WordKey.HELP_VERB_ENABLE;
            case RAMP -> WordKey.HELP_VERB_RAMP;
            case ROUTE -> WordKey.HELP_VERB_ROUTE;
            case CONSENT -> WordKey.HELP_VERB_CONSENT;
            case UPDATE -> WordKey.HELP_VERB_UPDATE;
            case STATE -> WordKey.HELP_VERB_STATE;
            case TITLE -> WordKey.HELP_VERB_TITLE;
            case KIND -> WordKey.HELP_VERB_KIND;
            case RESOLVE -> WordKey.HELP_VERB_RESOLVE;
            case REOPEN -> WordKey.HELP_VERB_REOPEN;
            case SUMMARY -> WordKey.HELP_VERB_SUMMARY;
            case AUDIT -> WordKey.HELP_VERB_AUDIT;
            case MAINTENANCE -> WordKey.HELP_VERB_MAINTENANCE;
            case SUBSCRIBE -> WordKey.HELP_VERB_SUBSCRIBE;
            case UNSUBSCRIBE -> WordKey.HELP_VERB_UNSUBSCRIBE;
        };
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
