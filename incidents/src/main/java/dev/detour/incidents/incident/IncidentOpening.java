package dev.detour.incidents.incident;

import java.util.List;
import java.util.Optional;

/**
 * What an incident's {@code OPENED} timeline entry says, stored as its text
 * ({@code degradation affecting model claude-opus-4-8: title}) and read back for people who want display names.
 */
public record IncidentOpening(IncidentKind kind, List<Target> affected, String title) {
    private static final String AFFECTING = " affecting ";
    private static final String TITLE = ": ";

    public IncidentOpening {
        affected = List.copyOf(affected);
        title = title == null ? "" : title;
    }

    public String text() {
        return kind.word() + AFFECTING + Target.describe(affected) + (title.isEmpty() ? "" : TITLE + title);
    }

    /** Empty for a text that is not an opening (an entry written by an older release, say). */
    public static Optional<IncidentOpening> parse(String text) {
        int affecting = text.indexOf(AFFECTING);
        if (affecting < 0) {
            return Optional.empty();
        }
        Optional<IncidentKind> kind = IncidentKind.fromWord(text.substring(0, affecting));
        String rest = text.substring(affecting + AFFECTING.length());
        int titleAt = rest.indexOf(TITLE); // ids never hold ": ", so the first one starts the title
        List<Target> targets = Target.parseAll(titleAt < 0 ? rest : rest.substring(0, titleAt));
        if (kind.isEmpty() || targets.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new IncidentOpening(kind.get(), targets,
                titleAt < 0 ? "" : rest.substring(titleAt + TITLE.length())));
    }
}
