package dev.detour.messages;

import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.routing.Route;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A timeline entry's detail as one plain line, with ids rather than display names and no markup:
 * {@code monitoring -> resolved: provider recovered}, {@code model gpt-5 unavailable: 529s}. The API shows it
 * as is; Slack messages escape it, or tell the entries that name targets with display names ({@link TimelineText}).
 */
public final class TimelineWords {
    private final Wording words;

    public TimelineWords(Wording words) {
        this.words = words;
    }

    public String plain(TimelineDetail detail) {
        if (detail instanceof TimelineDetail.Opened opened) {
            return opened.title().isEmpty() ? words.get("timeline.plain.opened", opened.kind().word(),
                    targets(opened.affected()))
                    : words.get("timeline.plain.opened.title", opened.kind().word(), targets(opened.affected()),
                    opened.title());
        }
        if (detail instanceof TimelineDetail.Reopened reopened) {
            return reopened.reason().isEmpty() ? words.get("timeline.plain.reopened", reopened.previous())
                    : words.get("timeline.plain.reopened.reason", reopened.previous(), reopened.reason());
        }
        if (detail instanceof TimelineDetail.Acknowledged) {
            return words.get("timeline.plain.acknowledged");
        }
        if (detail instanceof TimelineDetail.StateChanged changed) {
            return words.get("timeline.plain.state-changed", changed.from().word(), changed.to().word());
        }
        if (detail instanceof TimelineDetail.Resolved resolved) {
            return resolved.summary().isEmpty() ? words.get("timeline.plain.resolved", resolved.from().word())
                    : words.get("timeline.plain.resolved.summary", resolved.from().word(), resolved.summary());
        }
        if (detail instanceof TimelineDetail.TargetsAdded added) {
            return targets(added.targets());
        }
        if (detail instanceof TimelineDetail.Update update) {
            return update.text();
        }
        if (detail instanceof TimelineDetail.AvailabilityChanged changed) {
            String key = "timeline.plain." + (changed.available() ? "available" : "unavailable");
            return changed.reason().map(reason -> words.get(key + ".reason", target(changed.target()), reason))
                    .orElseGet(() -> words.get(key, target(changed.target())));
        }
        if (detail instanceof TimelineDetail.RouteChanged changed) {
            return words.get("timeline.plain.route", changed.route().taskClass().value(), route(changed.route()));
        }
        if (detail instanceof TimelineDetail.Signalled signal) {
            return words.get(signal.firing() ? "timeline.plain.signal.firing" : "timeline.plain.signal.cleared",
                    signal.source(), signal.targets().stream().map(Target::id).collect(Collectors.joining(", ")),
                    signal.summary()) + side(signal.side());
        }
        if (detail instanceof TimelineDetail.StatusPageIncident page) {
            return page.body().isEmpty()
                    ? words.get("timeline.plain.status-page", page.name(), page.impact(), page.status())
                    : words.get("timeline.plain.status-page.body", page.name(), page.impact(), page.status(),
                    page.body());
        }
        return ((TimelineDetail.AsWritten) detail).text();
    }

    private String side(TimelineDetail.Signalled.Side side) {
        return switch (side) {
            case OUR_SIDE -> words.get("timeline.plain.signal.our-side");
            case CAPACITY -> words.get("timeline.plain.signal.capacity");
            case PROVIDER -> "";
        };
    }

    /** {@code fallback gpt-5}, {@code awaiting-consent (gpt-5)}, {@code stopped}. */
    private String route(Route route) {
        String state = route.state().word();
        if (route.serving().isPresent()) {
            return words.get("timeline.plain.route.model", state, route.serving().get().value());
        }
        return route.offered().map(offered -> words.get("timeline.plain.route.offered", state, offered.value()))
                .orElse(state);
    }

    private String targets(List<Target> targets) {
        return targets.stream().map(this::target).collect(Collectors.joining(", "));
    }

    private String target(Target target) {
        return words.get("timeline.target." + target.kind(), target.id());
    }
}
