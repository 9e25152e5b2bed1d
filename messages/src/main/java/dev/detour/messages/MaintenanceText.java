package dev.detour.messages;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.FailoverMode;
import dev.detour.incidents.catalog.MaintenancePolicy;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.maintenance.MaintenancePlan;
import dev.detour.incidents.maintenance.MaintenanceSource;
import dev.detour.incidents.maintenance.MaintenanceStatus;
import dev.detour.incidents.maintenance.MaintenanceStep;
import dev.detour.incidents.maintenance.MaintenanceWindow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Maintenance windows in words (docs/maintenance.md): the incident channel's announcement, reminder and change,
 * each naming the features that would be affected and what their policy does; and the answers to
 * {@code /detour maintenance}. Times are Slack tokens, so each reader sees their own zone.
 */
public final class MaintenanceText {
    private final Names names;
    private final Wording words;

    public MaintenanceText(Names names, Wording words) {
        this.names = names;
        this.words = words;
    }

    /** What the incident channel reads for {@code step} ({@code ANNOUNCE}, {@code REMIND} or {@code TELL_CHANGE}). */
    public SlackMessage notice(MaintenanceWindow window, MaintenanceStep step, MaintenancePolicy policy, Instant now) {
        WordKey headline = switch (step) {
            case ANNOUNCE -> WordKey.MAINTENANCE_ANNOUNCE;
            case REMIND -> WordKey.MAINTENANCE_REMIND;
            case TELL_CHANGE -> switch (window.status()) {
                case SCHEDULED -> WordKey.MAINTENANCE_MOVED;
                case CANCELLED -> WordKey.MAINTENANCE_CALLED_OFF;
                case COMPLETED -> WordKey.MAINTENANCE_COMPLETED;
            };
            case START, END -> throw new IllegalArgumentException(step + " is done, not said");
        };
        StringBuilder text = new StringBuilder(words.get(headline, name(window), targets(window),
                SlackTime.slack(window.startsAt(), now), SlackTime.slack(window.endsAt(), now), source(window)));
        if (window.status() == MaintenanceStatus.SCHEDULED) {
            text.append('\n').append(affected(window));
            text.append('\n').append(consequence(window.targets(), policy));
            text.append('\n').append(words.get(WordKey.MAINTENANCE_ID, window.id()));
        }
        return SlackMessage.plain(text.toString());
    }

    /** The answer to a window planned by hand. */
    public String scheduled(MaintenanceWindow window, MaintenancePolicy policy, Instant now) {
        return words.get(WordKey.MAINTENANCE_SCHEDULED, window.id(), targets(window),
                SlackTime.slack(window.startsAt(), now), SlackTime.slack(window.endsAt(), now),
                consequence(window.targets(), policy));
    }

    public String cancelled(MaintenanceWindow window, Instant now) {
        return words.get(WordKey.MAINTENANCE_CANCELLED, window.id(), targets(window),
                SlackTime.slack(window.startsAt(), now), SlackTime.slack(window.endsAt(), now));
    }

    /** Why a plan was refused; nothing was recorded. */
    public String refused(MaintenancePlan.Problem problem, Instant now) {
        if (problem instanceof MaintenancePlan.Problem.EndsBeforeItStarts ends) {
            return words.get(WordKey.MAINTENANCE_REFUSED_ENDS_BEFORE, SlackTime.slack(ends.startsAt(), now),
                    SlackTime.slack(ends.endsAt(), now));
        } else if (problem instanceof MaintenancePlan.Problem.LongerThanAllowed tooLong) {
            return words.get(WordKey.MAINTENANCE_REFUSED_TOO_LONG, words.duration(tooLong.asked()));
        } else if (problem instanceof MaintenancePlan.Problem.InThePast past) {
            return words.get(WordKey.MAINTENANCE_REFUSED_PAST, SlackTime.slack(past.endsAt(), now));
        }
        return words.get(WordKey.MAINTENANCE_REFUSED_NO_TARGETS);
    }

    /** {@code /detour maintenance list}. */
    public String list(List<MaintenanceWindow> windows, Instant now) {
        if (windows.isEmpty()) {
            return words.get(WordKey.MAINTENANCE_LIST_NONE);
        }
        StringBuilder text = new StringBuilder(words.get(WordKey.MAINTENANCE_LIST_HEADER));
        for (MaintenanceWindow window : windows) {
            text.append('\n').append(words.get(WordKey.MAINTENANCE_LIST_LINE, window.id(), targets(window),
                    SlackTime.slack(window.startsAt(), now), SlackTime.slack(window.endsAt(), now), source(window),
                    window.runsAt(now) ? words.get(WordKey.MAINTENANCE_RUNNING) : ""));
        }
        return text.toString();
    }

    private String name(MaintenanceWindow window) {
        return window.name().isBlank() ? words.get(WordKey.MAINTENANCE_UNNAMED, window.id())
                : SlackText.escape(window.name());
    }

    private String targets(MaintenanceWindow window) {
        return window.targets().stream().map(names::target).collect(Collectors.joining(", "));
    }

    private String source(MaintenanceWindow window) {
        if (window.source() instanceof MaintenanceSource.StatusPage page) {
            return words.get(WordKey.MAINTENANCE_FROM_PAGE, names.target(Target.provider(page.provider())));
        }
        return words.get(WordKey.MAINTENANCE_BY, Names.actor(((MaintenanceSource.ByHand) window.source()).by()));
    }

    private String consequence(List<Target> targets, MaintenancePolicy policy) {
        return policy == MaintenancePolicy.PRE_ROUTE
                ? words.get(WordKey.MAINTENANCE_PRE_ROUTE, targets.stream().map(names::target)
                .collect(Collectors.joining(", ")))
                : words.get(WordKey.MAINTENANCE_ANNOUNCE_ONLY);
    }

    /** The features whose usual model the window takes away, and what their failover policy does then. */
    private String affected(MaintenanceWindow window) {
        Catalog catalog = names.catalog();
        List<String> lines = new ArrayList<>();
        for (TaskClass taskClass : window.affected(catalog)) {
            Optional<ModelId> fallback = taskClass.route().stream()
                    .filter(model -> !window.takesAway(model, catalog)).findFirst();
            String name = names.taskClass(taskClass.id());
            if (taskClass.failover() == FailoverMode.STOP || fallback.isEmpty()) {
                lines.add(words.get(WordKey.MAINTENANCE_FEATURE_PAUSED, name, taskClass.failover().word()));
            } else {
                lines.add(words.get(taskClass.failover() == FailoverMode.AUTO ? WordKey.MAINTENANCE_FEATURE_AUTO
                        : WordKey.MAINTENANCE_FEATURE_CONSENT, name, names.model(fallback.get())));
            }
        }
        return lines.isEmpty() ? words.get(WordKey.MAINTENANCE_AFFECTS_NONE)
                : words.get(WordKey.MAINTENANCE_AFFECTS) + "\n" + String.join("\n", lines);
    }
}
