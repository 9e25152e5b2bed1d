package dev.detour.messages;

import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.IncidentState;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.incident.UpdateText;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteState;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A timeline entry's detail as one plain line, with ids rather than display names and no markup:
 * {@code monitoring -> resolved: provider recovered}, {@code model gpt-5 unavailable: 529s}. The API shows it
 * as is; Slack messages escape it, or tell the entries that name targets with display names ({@link TimelineText}).
 */
public final class TimelineWords {
    private final Wording words;
    private final SignalEvidenceText evidence;

    public TimelineWords(Wording words) {
        this.words = words;
        this.evidence = new SignalEvidenceText(words, ProviderId::value);
    }

    public String plain(TimelineDetail detail) {
        if (detail instanceof TimelineDetail.Opened opened) {
            return opened.title().isEmpty() ? words.get(WordKey.TIMELINE_PLAIN_OPENED, words.get(WordKey.kindWord(opened.kind())),
                    targets(opened.affected()))
                    : words.get(WordKey.TIMELINE_PLAIN_OPENED_TITLE, words.get(WordKey.kindWord(opened.kind())), targets(opened.affected()),
                    opened.title());
        }
        if (detail instanceof TimelineDetail.Reopened reopened) {
            return reopened.reason().isEmpty() ? words.get(WordKey.TIMELINE_PLAIN_REOPENED, reopened.previous())
                    : words.get(WordKey.TIMELINE_PLAIN_REOPENED_REASON, reopened.previous(), reopened.reason());
        }
        if (detail instanceof TimelineDetail.Acknowledged) {
            return words.get(WordKey.TIMELINE_PLAIN_ACKNOWLEDGED);
        }
        if (detail instanceof TimelineDetail.StateChanged changed) {
            return words.get(WordKey.TIMELINE_PLAIN_STATE_CHANGED, state(changed.from()), state(changed.to()));
        }
        if (detail instanceof TimelineDetail.TitleSet titled) {
            return words.get(WordKey.TIMELINE_PLAIN_TITLE_SET, titled.title());
        }
        if (detail instanceof TimelineDetail.KindSet kindSet) {
            return words.get(WordKey.TIMELINE_PLAIN_KIND_SET, words.get(WordKey.kindWord(kindSet.from())),
                    words.get(WordKey.kindWord(kindSet.to())));
        }
        if (detail instanceof TimelineDetail.Resolved resolved) {
            return resolved.summary().isEmpty() ? words.get(WordKey.TIMELINE_PLAIN_RESOLVED, state(resolved.from()))
                    : words.get(WordKey.TIMELINE_PLAIN_RESOLVED_SUMMARY, state(resolved.from()), resolved.summary());
        }
        if (detail instanceof TimelineDetail.TargetsAdded added) {
            return targets(added.targets());
        }
        if (detail instanceof TimelineDetail.Update update) {
            UpdateText text = update.text();
            if (text.customer().isEmpty()) {
                return text.internal();
            }
            return text.internal().isEmpty() ? words.get(WordKey.TIMELINE_PLAIN_UPDATE_PUBLIC, text.customer())
                    : words.get(WordKey.TIMELINE_PLAIN_UPDATE_BOTH, text.internal(), text.customer());
        }
        if (detail instanceof TimelineDetail.AvailabilityChanged changed) {
            WordKey key = changed.available() ? WordKey.TIMELINE_PLAIN_AVAILABLE : WordKey.TIMELINE_PLAIN_UNAVAILABLE;
            WordKey keyWithReason = changed.available() ? WordKey.TIMELINE_PLAIN_AVAILABLE_REASON
                    : WordKey.TIMELINE_PLAIN_UNAVAILABLE_REASON;
            return changed.reason().map(reason -> words.get(keyWithReason, target(changed.target()), reason))
                    .orElseGet(() -> words.get(key, target(changed.target())));
        }
        if (detail instanceof TimelineDetail.RouteChanged changed) {
            return words.get(WordKey.TIMELINE_PLAIN_ROUTE, changed.route().taskClass().value(), route(changed.route()));
        }
        if (detail instanceof TimelineDetail.Signalled signal) {
            return words.get(signal.firing() ? WordKey.TIMELINE_PLAIN_SIGNAL_FIRING : WordKey.TIMELINE_PLAIN_SIGNAL_CLEARED,
                    signal.source(), signal.targets().stream().map(Target::id).collect(Collectors.joining(", ")),
                    evidence.of(signal.evidence())) + side(signal.side());
        }
        if (detail instanceof TimelineDetail.StatusPageIncident page) {
            return page.body().isEmpty()
                    ? words.get(WordKey.TIMELINE_PLAIN_STATUS_PAGE, page.name(), page.impact(), page.status())
                    : words.get(WordKey.TIMELINE_PLAIN_STATUS_PAGE_BODY, page.name(), page.impact(), page.status(),
                    page.body());
        }
        if (detail instanceof TimelineDetail.ScopeChosen scope) {
            return scope(words, scope, this::targets);
        }
        if (detail instanceof TimelineDetail.ApprovalStep approval) {
            String targets = targets(approval.targets());
            return switch (approval.step()) {
                case REQUESTED -> words.get(WordKey.TIMELINE_PLAIN_APPROVAL_REQUESTED, targets);
                case APPROVED -> words.get(WordKey.TIMELINE_PLAIN_APPROVAL_APPROVED, targets);
                case EXPIRED -> words.get(WordKey.TIMELINE_PLAIN_APPROVAL_EXPIRED, targets);
                case EMERGENCY_APPLIED -> words.get(WordKey.TIMELINE_PLAIN_APPROVAL_EMERGENCY, targets);
                case REVIEWED -> words.get(WordKey.TIMELINE_PLAIN_APPROVAL_REVIEWED, targets);
            };
        }
        return ((TimelineDetail.AsWritten) detail).text();
    }

    /** Which scope was chosen, naming targets as {@code targets} does (ids here, display names in Slack). */
    static String scope(Wording words, TimelineDetail.ScopeChosen scope,
                        java.util.function.Function<List<Target>, String> targets) {
        if (scope.narrowerChosen()) {
            return words.get(WordKey.TIMELINE_PLAIN_SCOPE_NARROWER, targets.apply(scope.narrower()),
                    targets.apply(scope.proposed()));
        }
        return scope.narrower().isEmpty() ? words.get(WordKey.TIMELINE_PLAIN_SCOPE_ONLY, targets.apply(scope.proposed()))
                : words.get(WordKey.TIMELINE_PLAIN_SCOPE_WIDER, targets.apply(scope.proposed()),
                targets.apply(scope.narrower()));
    }

    private String side(TimelineDetail.Signalled.Side side) {
        return switch (side) {
            case OUR_SIDE -> words.get(WordKey.TIMELINE_PLAIN_SIGNAL_OUR_SIDE);
            case CAPACITY -> words.get(WordKey.TIMELINE_PLAIN_SIGNAL_CAPACITY);
            case PROVIDER -> "";
        };
    }

    /**
     * {@code fallback gpt-5}, {@code paused, awaiting consent to move to gpt-5}, {@code paused, not moved to gpt-5},
     * {@code paused}: never the wire words, and a paused class's offered model never reads as if it served.
     */
    private String route(Route route) {
        if (route.serving().isPresent()) {
            return words.get(WordKey.TIMELINE_PLAIN_ROUTE_MODEL, words.get(WordKey.routeState(route.state())),
                    route.serving().get().value());
        }
        if (route.offered().isEmpty()) {
            return words.get(WordKey.routeState(route.state()));
        }
        String offered = route.offered().get().value();
        // Route keeps an offered model only while the question is open (awaiting) or after it was answered no
        return route.state() == RouteState.AWAITING_CONSENT ? words.get(WordKey.ROUTE_AWAITING_CONSENT, offered)
                : words.get(WordKey.TIMELINE_PLAIN_ROUTE_DECLINED, offered);
    }

    private String state(IncidentState state) {
        return words.get(WordKey.state(state));
    }

    private String targets(List<Target> targets) {
        return targets.stream().map(this::target).collect(Collectors.joining(", "));
    }

    private String target(Target target) {
        return words.get(WordKey.target(target), target.id());
    }
}
