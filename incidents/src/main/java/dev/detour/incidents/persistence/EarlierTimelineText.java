package dev.detour.incidents.persistence;

import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.incident.TimelineEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the text that releases before timeline details wrote into {@code timeline_entry.body}, the only place
 * that text is read. Two formats named targets by id and are read back as data, so they render with display
 * names as before: an opening ({@code degradation affecting model claude-opus-4-8: title}) and added targets
 * ({@code provider anthropic, model claude-opus-4-7}). An update is its own text, public as every update of those releases was; every other entry is kept as
 * written.
 */
final class EarlierTimelineText {
    private static final String AFFECTING = " affecting ";
    private static final String TITLE = ": ";
    private static final String BETWEEN_TARGETS = ", ";

    private EarlierTimelineText() {
    }

    static TimelineDetail read(TimelineEntry.Type type, String body) {
        Optional<TimelineDetail> read = switch (type) {
            case OPENED -> opening(body);
            case TARGETS_ADDED -> targets(body).map(TimelineDetail.TargetsAdded::new);
            // Earlier releases posted every update to support: it was public (as V31 decided for stored details).
            case UPDATE -> Optional.of(new TimelineDetail.Update("", body));
            case ACKNOWLEDGED -> Optional.of(new TimelineDetail.Acknowledged());
            default -> Optional.empty();
        };
        return read.orElseGet(() -> new TimelineDetail.AsWritten(type, body));
    }

    private static Optional<TimelineDetail> opening(String text) {
        int affecting = text.indexOf(AFFECTING);
        if (affecting < 0) {
            return Optional.empty();
        }
        Optional<IncidentKind> kind = IncidentKind.fromWord(text.substring(0, affecting));
        String rest = text.substring(affecting + AFFECTING.length());
        int titleAt = rest.indexOf(TITLE); // ids never hold ": ", so the first one starts the title
        Optional<List<Target>> targets = targets(titleAt < 0 ? rest : rest.substring(0, titleAt));
        if (kind.isEmpty() || targets.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TimelineDetail.Opened(kind.get(), targets.get(),
                titleAt < 0 ? "" : rest.substring(titleAt + TITLE.length())));
    }

    private static Optional<List<Target>> targets(String described) {
        List<Target> targets = new ArrayList<>();
        for (String part : described.split(BETWEEN_TARGETS)) {
            String[] kindAndId = part.split(" ", 2);
            if (kindAndId.length != 2) {
                return Optional.empty();
            }
            try {
                targets.add(Target.of(kindAndId[0], kindAndId[1]));
            } catch (IllegalArgumentException notATarget) {
                return Optional.empty();
            }
        }
        return targets.isEmpty() ? Optional.empty() : Optional.of(targets);
    }
}
