package dev.detour.incidents.incident;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.Target;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * An incident: what it is about, where it stands, and when people acted. Its timeline is kept apart
 * ({@link TimelineEntry}) because it only grows. Every change is a method returning {@link IncidentChange}.
 *
 * @param title    the title a person gave it (when declaring it or with {@code /detour title}); empty when
 *                 messages should name it from what it affects
 * @param affected the providers and models it covers, providers first, each once
 * @param kindSet  whether on-call set the kind ({@code /detour kind}): then it stays as set; otherwise the kind
 *                 shown follows what users notice (see {@code readmodel.IncidentPicture})
 */
public record Incident(IncidentId id, IncidentKind kind, IncidentState state, String title, List<Target> affected,
                       Instant openedAt, Actor openedBy, Optional<Instant> acknowledgedAt,
                       Optional<Actor> acknowledgedBy, Optional<Instant> resolvedAt,
                       Optional<IncidentId> reopenedFrom, boolean kindSet) {
    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(openedBy, "openedBy");
        title = title == null ? "" : title.strip();
        affected = List.copyOf(new TreeSet<>(affected));
        acknowledgedAt = acknowledgedAt == null ? Optional.empty() : acknowledgedAt;
        acknowledgedBy = acknowledgedBy == null ? Optional.empty() : acknowledgedBy;
        resolvedAt = resolvedAt == null ? Optional.empty() : resolvedAt;
        reopenedFrom = reopenedFrom == null ? Optional.empty() : reopenedFrom;
        if (state == IncidentState.RESOLVED && resolvedAt.isEmpty()) {
            throw new IllegalArgumentException("a resolved incident needs its resolution time");
        }
    }

    /** An incident whose kind nobody set. */
    public Incident(IncidentId id, IncidentKind kind, IncidentState state, String title, List<Target> affected,
                    Instant openedAt, Actor openedBy, Optional<Instant> acknowledgedAt,
                    Optional<Actor> acknowledgedBy, Optional<Instant> resolvedAt,
                    Optional<IncidentId> reopenedFrom) {
        this(id, kind, state, title, affected, openedAt, openedBy, acknowledgedAt, acknowledgedBy, resolvedAt,
                reopenedFrom, false);
    }

    /** Opens a new incident in state {@code investigating}. */
    public static IncidentChange open(IncidentId id, IncidentKind kind, String title, Collection<Target> targets,
                                      Actor by, Instant at) {
        if (targets.isEmpty()) {
            return new IncidentChange.Rejected(new Refusal.NoTargets());
        }
        Optional<Refusal> tooLong = TextLimits.refusal(Refusal.Text.TITLE, title, TextLimits.TITLE);
        if (tooLong.isPresent()) {
            return new IncidentChange.Rejected(tooLong.get());
        }
        Incident incident = new Incident(id, kind, IncidentState.INVESTIGATING, title, List.copyOf(targets), at, by,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        return applied(incident, new TimelineEntry(at, by,
                new TimelineDetail.Opened(kind, incident.affected(), incident.title())));
    }

    public boolean isOpen() {
        return state.isOpen();
    }

    /** How long it has lasted: until it resolved, or until {@code now} while it is open. */
    public Duration duration(Instant now) {
        return Duration.between(openedAt, resolvedAt.orElse(now));
    }

    /** Whether this incident is about {@code target}: directly, or through the provider of a model. */
    public boolean covers(Target target, Catalog catalog) {
        if (affected.contains(target)) {
            return true;
        }
        if (target instanceof Target.OfModel model && catalog.model(model.model()).isPresent()) {
            return affected.contains(Target.provider(catalog.providerOf(model.model())));
        }
        return false;
    }

    public IncidentChange moveTo(IncidentState next, Actor by, Instant at) {
        return moveTo(next, by, at, "");
    }

    /** Resolves the incident; the summary, when given, becomes part of the resolution entry. */
    public IncidentChange resolve(Actor by, Instant at, String summary) {
        return resolve(by, at, Resolution.summary(summary));
    }

    /** Resolves the incident with its summary, cause and follow-ups as the resolution entry's data. */
    public IncidentChange resolve(Actor by, Instant at, Resolution resolution) {
        Optional<Refusal> tooLong = TextLimits.refusal(Refusal.Text.SUMMARY, resolution.summary(), TextLimits.TEXT);
        if (tooLong.isPresent()) {
            return new IncidentChange.Rejected(tooLong.get());
        }
        return moveTo(IncidentState.RESOLVED, by, at, resolution);
    }

    private IncidentChange moveTo(IncidentState next, Actor by, Instant at, String summary) {
        return moveTo(next, by, at, Resolution.summary(summary));
    }

    private IncidentChange moveTo(IncidentState next, Actor by, Instant at, Resolution resolution) {
        Optional<Refusal> refusal = state.refusalToMoveTo(id, next);
        if (refusal.isPresent()) {
            return new IncidentChange.Rejected(refusal.get());
        }
        Incident moved = withState(next, next == IncidentState.RESOLVED ? Optional.of(at) : Optional.empty());
        TimelineDetail detail = next == IncidentState.RESOLVED ? new TimelineDetail.Resolved(state, resolution)
                : new TimelineDetail.StateChanged(state, next);
        return applied(moved, new TimelineEntry(at, by, detail));
    }

    public IncidentChange acknowledge(Actor by, Instant at) {
        if (!isOpen()) {
            return new IncidentChange.Rejected(new Refusal.ResolvedNothingToAcknowledge(id));
        }
        if (acknowledgedAt.isPresent()) {
            return new IncidentChange.Rejected(new Refusal.AlreadyAcknowledged(id, acknowledgedBy.orElseThrow()));
        }
        Incident acknowledged = new Incident(id, kind, state, title, affected, openedAt, openedBy, Optional.of(at),
                Optional.of(by), resolvedAt, reopenedFrom, kindSet);
        return applied(acknowledged, new TimelineEntry(at, by, new TimelineDetail.Acknowledged()));
    }

    /** Widens the incident to more providers or models. */
    public IncidentChange affect(Collection<Target> more, Actor by, Instant at) {
        if (!isOpen()) {
            return new IncidentChange.Rejected(new Refusal.ResolvedOpenANewOne(id));
        }
        List<Target> added = more.stream().filter(target -> !affected.contains(target)).distinct().sorted().toList();
        if (added.isEmpty()) {
            return new IncidentChange.Rejected(new Refusal.AlreadyCovers(id, List.copyOf(more)));
        }
        List<Target> all = new ArrayList<>(affected);
        all.addAll(added);
        Incident widened = new Incident(id, kind, state, title, all, openedAt, openedBy, acknowledgedAt,
                acknowledgedBy, resolvedAt, reopenedFrom, kindSet);
        return applied(widened, new TimelineEntry(at, by, new TimelineDetail.TargetsAdded(added)));
    }

    /** A free-text update for people following the incident. */
    /** Posts an update; its customer part reaches customers, its internal part only the thread. */
    public IncidentChange postUpdate(UpdateText text, Actor by, Instant at) {
        if (text.isEmpty()) {
            return new IncidentChange.Rejected(new Refusal.UpdateNeedsText());
        }
        Optional<Refusal> tooLong = TextLimits.refusal(Refusal.Text.UPDATE, text.internal(), TextLimits.TEXT)
                .or(() -> TextLimits.refusal(Refusal.Text.UPDATE, text.customer(), TextLimits.TEXT));
        if (tooLong.isPresent()) {
            return new IncidentChange.Rejected(tooLong.get());
        }
        return applied(this, new TimelineEntry(at, by, new TimelineDetail.Update(text)));
    }

    /**
     * On-call names the incident: the title wins over the one messages make from what it affects, from now on.
     */
    public IncidentChange retitle(String newTitle, Actor by, Instant at) {
        if (newTitle == null || newTitle.isBlank()) {
            return new IncidentChange.Rejected(new Refusal.TitleNeedsText());
        }
        Optional<Refusal> tooLong = TextLimits.refusal(Refusal.Text.TITLE, newTitle, TextLimits.TITLE);
        if (tooLong.isPresent()) {
            return new IncidentChange.Rejected(tooLong.get());
        }
        String stripped = newTitle.strip();
        if (stripped.equals(title)) {
            return new IncidentChange.Rejected(new Refusal.AlreadyTitled(id));
        }
        Incident retitled = new Incident(id, kind, state, stripped, affected, openedAt, openedBy, acknowledgedAt,
                acknowledgedBy, resolvedAt, reopenedFrom, kindSet);
        return applied(retitled, new TimelineEntry(at, by, new TimelineDetail.TitleSet(title, stripped)));
    }

    /** On-call says what kind of incident this is: the kind stays as set, whatever users notice later. */
    public IncidentChange setKind(IncidentKind next, Actor by, Instant at) {
        Objects.requireNonNull(next, "next");
        if (kindSet && next == kind) {
            return new IncidentChange.Rejected(new Refusal.AlreadyOfKind(id, next));
        }
        Incident changed = new Incident(id, next, state, title, affected, openedAt, openedBy, acknowledgedAt,
                acknowledgedBy, resolvedAt, reopenedFrom, true);
        return applied(changed, new TimelineEntry(at, by, new TimelineDetail.KindSet(kind, next)));
    }

    /**
     * A resolved incident never opens again: a returning problem becomes a new incident, {@code newId}, that
     * links back to this one and starts in {@code investigating}.
     */
    public IncidentChange reopen(IncidentId newId, Actor by, Instant at, String reason) {
        if (isOpen()) {
            return new IncidentChange.Rejected(new Refusal.StillOpen(id, state));
        }
        Optional<Refusal> tooLong = TextLimits.refusal(Refusal.Text.REASON, reason, TextLimits.TEXT);
        if (tooLong.isPresent()) {
            return new IncidentChange.Rejected(tooLong.get());
        }
        Incident successor = new Incident(newId, kind, IncidentState.INVESTIGATING, title, affected, at, by,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(id), kindSet);
        return applied(successor, new TimelineEntry(at, by, new TimelineDetail.Reopened(id, reason)));
    }

    private Incident withState(IncidentState next, Optional<Instant> resolved) {
        return new Incident(id, kind, next, title, affected, openedAt, openedBy, acknowledgedAt, acknowledgedBy,
                resolved, reopenedFrom, kindSet);
    }

    private static IncidentChange applied(Incident incident, TimelineEntry entry) {
        return new IncidentChange.Applied(incident, List.of(entry));
    }
}
