package dev.detour.incidents.incident;

import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.signals.SignalEvidence;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What one timeline entry records, as data: the renderers in {@code messages} put it into words, so nothing
 * here is English and nothing reads text back. The set is closed; each kind knows its {@link TimelineEntry.Type}.
 */
public sealed interface TimelineDetail {

    TimelineEntry.Type type();

    /** What a person or a source wrote in their own words (a title, an update, a summary, a reason), if anything. */
    default Optional<String> ownWords() {
        return Optional.empty();
    }

    /** The incident was opened about these targets. */
    record Opened(IncidentKind kind, List<Target> affected, String title) implements TimelineDetail {
        public Opened {
            Objects.requireNonNull(kind, "kind");
            affected = sortedOnce(affected);
            title = orEmpty(title);
        }

        @Override
        public TimelineEntry.Type type() {
            return TimelineEntry.Type.OPENED;
        }

        @Override
        public Optional<String> ownWords() {
            return nonBlank(title);
        }
    }

    /** This incident continues the resolved incident {@code previous}. */
    record Reopened(IncidentId previous, String reason) implements TimelineDetail {
        public Reopened {
            Objects.requireNonNull(previous, "previous");
            reason = orEmpty(reason);
        }

        @Override
        public TimelineEntry.Type type() {
            return TimelineEntry.Type.REOPENED;
        }

        @Override
        public Optional<String> ownWords() {
            return nonBlank(reason);
        }
    }

    record Acknowledged() implements TimelineDetail {
        @Override
        public TimelineEntry.Type type() {
            return TimelineEntry.Type.ACKNOWLEDGED;
        }
    }

    /** Moved between two open states. */
    record StateChanged(IncidentState from, IncidentState to) implements TimelineDetail {
        public StateChanged {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public TimelineEntry.Type type() {
            return TimelineEntry.Type.STATE_CHANGED;
        }
    }

    /** On-call gave the incident a title; {@code before} is empty when it had none of its own. */
    record TitleSet(String before, String title) implements TimelineDetail {
        public TitleSet {
            before = orEmpty(before);
            title = orEmpty(title);
        }

        @Override
        public TimelineEntry.Type type() {
            return TimelineEntry.Type.TITLE_SET;
        }

        @Override
        public Optional<String> ownWords() {
            return nonBlank(title);
        }
    }

    /** On-call set the incident's kind; from now on it stays as set. */
    record KindSet(IncidentKind from, IncidentKind to) implements TimelineDetail {
        public KindSet {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public TimelineEntry.Type type() {
            return TimelineEntry.Type.KIND_SET;
        }
    }

    /**
     * Resolved from state {@code from}, with the summary given (empty when none), the cause and the follow-ups
     * entered in the resolve form or command, and the part for customers (empty when none).
     */
    record Resolved(IncidentState from, String summary, String cause, List<FollowUp> followUps, String customer)
            implements TimelineDetail {
        public Resolved {
            Objects.requireNonNull(from, "from");
            summary = orEmpty(summary);
            cause = orEmpty(cause);
            followUps = followUps == null ? List.of() : List.copyOf(followUps);
            customer = orEmpty(customer);
        }

        public Resolved(IncidentState from, String summary, String cause, List<FollowUp> followUps) {
            this(from, summary, cause, followUps, "");
        }

        /** The part for customers, when on-call gave one. */
        public Optional<String> forCustomers() {
            return nonBlank(customer);
        }

        public Resolved(IncidentState from, String summary) {
            this(from, summary, "", List.of());
        }

        public Resolved(IncidentState from, Resolution resolution) {
            this(from, resolution.summary(), resolution.cause(), resolution.followUps(), resolution.customer());
        }

        @Override
        public TimelineEntry.Type type() {
            return TimelineEntry.Type.RESOLVED;
        }

        @Override
        public Optional<String> ownWords() {
            return nonBlank(summary);
        }
    }

    /** The incident was widened to these targets. */
    record TargetsAdded(List<Target> targets) implements TimelineDetail {
        public TargetsAdded {
            targets = sortedOnce(targets);
        }

        @Override
        public TimelineEntry.Type type() {
            return TimelineEntry.Type.TARGETS_ADDED;
        }
    }

    /**
     * An update: its internal part for the incident's thread and its customer part, which only a person marking it
     * public puts there, for the support channel, the public status page and subscribers.
     */
    record Update(UpdateText text) implements TimelineDetail {
        public Update {
            Objects.requireNonNull(text, "text");
        }

        public Update(String internal, String customer) {
            this(new UpdateText(internal, customer));
        }

        @Override
        public TimelineEntry.Type type() {
            return TimelineEntry.Type.UPDATE;
        }

        /** The internal part, else the customer part: what the audit record keeps as the person's own words. */
        @Override
        public Optional<String> ownWords() {
            return text.internalPart().or(text::customerPart);
        }
    }

    /** A provider or model was switched off or back on within the incident. */
    record AvailabilityChanged(Target target, boolean available, Optional<String> reason) implements TimelineDetail {
        public AvailabilityChanged {
            Objects.requireNonNull(target, "target");
            reason = reason == null ? Optional.empty() : reason;
        }

        @Override
        public TimelineEntry.Type type() {
            return TimelineEntry.Type.AVAILABILITY_CHANGED;
        }

        @Override
        public Optional<String> ownWords() {
            return reason;
        }
    }

    /** A task class's route became {@code route}. */
    record RouteChanged(Route route) implements TimelineDetail {
        public RouteChanged {
            Objects.requireNonNull(route, "route");
        }

        @Override
        public TimelineEntry.Type type() {
            return TimelineEntry.Type.ROUTE_CHANGED;
        }
    }

    /**
     * A health signal about these targets fired or cleared.
     *
     * @param source   e.g. {@code gateway}, {@code alertmanager}, {@code statuspage:anthropic}
     * @param evidence what the signal saw, as data ({@link SignalEvidence.AsWritten} for entries of earlier releases)
     */
    record Signalled(String source, boolean firing, List<Target> targets, SignalEvidence evidence, Side side)
            implements TimelineDetail {
        /** Whose problem the signal says it is (mirrors the signal's own side, kept here as the entry's fact). */
        public enum Side {
            PROVIDER, CAPACITY, OUR_SIDE
        }

        public Signalled {
            Objects.requireNonNull(source, "source");
            targets = sortedOnce(targets);
            evidence = cutToFit(Objects.requireNonNull(evidence, "evidence"));
            Objects.requireNonNull(side, "side");
        }

        /** Text from outside is cut to fit its column, saying so; numbers need no cutting. */
        private static SignalEvidence cutToFit(SignalEvidence evidence) {
            if (evidence instanceof SignalEvidence.Alert alert) {
                return new SignalEvidence.Alert(TextLimits.clip(alert.name(), TextLimits.TITLE),
                        TextLimits.clip(alert.summary(), TextLimits.TEXT));
            }
            if (evidence instanceof SignalEvidence.ProviderIncident page) {
                return new SignalEvidence.ProviderIncident(TextLimits.clip(page.name(), TextLimits.TITLE),
                        TextLimits.clip(page.impact(), TextLimits.TITLE), TextLimits.clip(page.status(),
                        TextLimits.TITLE), TextLimits.clip(page.body(), TextLimits.TEXT));
            }
            if (evidence instanceof SignalEvidence.ProviderComponent component) {
                return new SignalEvidence.ProviderComponent(component.provider(),
                        TextLimits.clip(component.component(), TextLimits.TITLE),
                        TextLimits.clip(component.status(), TextLimits.TITLE));
            }
            if (evidence instanceof SignalEvidence.AsWritten written) {
                return new SignalEvidence.AsWritten(TextLimits.clip(written.text(), TextLimits.TEXT));
            }
            return evidence;
        }

        @Override
        public TimelineEntry.Type type() {
            return TimelineEntry.Type.SIGNAL;
        }

        /** Only text from outside (an alert's summary, a page's text, an earlier release's line) is own words. */
        @Override
        public Optional<String> ownWords() {
            if (evidence instanceof SignalEvidence.Alert alert) {
                return nonBlank(alert.summary());
            }
            if (evidence instanceof SignalEvidence.ProviderIncident page) {
                return nonBlank(page.body());
            }
            if (evidence instanceof SignalEvidence.AsWritten written) {
                return nonBlank(written.text());
            }
            return Optional.empty();
        }
    }

    /** An update of the provider's own status-page incident: its name, impact, status and text. */
    record StatusPageIncident(String name, String impact, String status, String body) implements TimelineDetail {
        public StatusPageIncident {
            name = TextLimits.clip(orEmpty(name), TextLimits.TITLE);
            impact = TextLimits.clip(orEmpty(impact), TextLimits.TITLE);
            status = TextLimits.clip(orEmpty(status), TextLimits.TITLE);
            body = TextLimits.clip(orEmpty(body), TextLimits.TEXT);
        }

        @Override
        public TimelineEntry.Type type() {
            return TimelineEntry.Type.SIGNAL;
        }

        @Override
        public Optional<String> ownWords() {
            return nonBlank(body);
        }
    }

    /**
     * A whole-provider switch-off was proposed and its preview asked to confirm first (docs/routing.md, "Confirm
     * first"): which scope was chosen, and whether the evidence offered a narrower one.
     *
     * @param proposed       the switch-off as proposed (naming at least one whole provider)
     * @param narrower       the narrower switch-off the evidence offered (only the failing models); empty when none
     *                       was offered
     * @param narrowerChosen whether the narrower one was made instead of the proposed one
     */
    record ScopeChosen(List<Target> proposed, List<Target> narrower, boolean narrowerChosen) implements TimelineDetail {
        public ScopeChosen {
            proposed = List.copyOf(proposed);
            narrower = List.copyOf(narrower);
            if (proposed.isEmpty()) {
                throw new IllegalArgumentException("a scope was chosen for a proposed switch-off");
            }
            if (narrowerChosen && narrower.isEmpty()) {
                throw new IllegalArgumentException("a narrower scope chosen must have been offered");
            }
        }

        /** What was switched off. */
        public List<Target> chosen() {
            return narrowerChosen ? narrower : proposed;
        }

        @Override
        public TimelineEntry.Type type() {
            return TimelineEntry.Type.SCOPE_CHOSEN;
        }
    }

    /**
     * A step of the two-person rule about a switch-off of {@code targets} (docs/routing.md, "Two-person rule"); the
     * entry's actor is who took it (who asked, approved, applied at once, reviewed; the policy for an expiry).
     */
    record ApprovalStep(Step step, List<Target> targets) implements TimelineDetail {
        public enum Step {
            /** A second on-call member was asked to approve. */
            REQUESTED,
            /** A second on-call member approved; the change was applied. */
            APPROVED,
            /** Nobody approved in time; nothing changed. */
            EXPIRED,
            /** Applied at once, on the person's own responsibility. */
            EMERGENCY_APPLIED,
            /** A second on-call member reviewed the emergency apply. */
            REVIEWED
        }

        public ApprovalStep {
            Objects.requireNonNull(step, "step");
            targets = List.copyOf(targets);
        }

        @Override
        public TimelineEntry.Type type() {
            return TimelineEntry.Type.APPROVAL;
        }
    }

    /**
     * An entry written by an earlier release, whose stored text does not say more than itself: shown as stored.
     */
    record AsWritten(TimelineEntry.Type type, String text) implements TimelineDetail {
        public AsWritten {
            Objects.requireNonNull(type, "type");
            text = text == null ? "" : text;
        }

        @Override
        public Optional<String> ownWords() {
            return nonBlank(text);
        }
    }

    private static List<Target> sortedOnce(List<Target> targets) {
        return List.copyOf(new TreeSet<>(targets));
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text.strip();
    }

    private static Optional<String> nonBlank(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
