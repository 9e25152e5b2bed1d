package dev.detour.incidents.readmodel;

import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.support.SupportPostRecord;

import java.util.List;
import java.util.Objects;

/**
 * An incident support was told about, with what they were told: the public status page's history.
 *
 * @param posts newest first, never empty
 */
public record SupportedIncident(Incident incident, List<SupportPostRecord> posts) {
    public SupportedIncident {
        Objects.requireNonNull(incident, "incident");
        posts = List.copyOf(posts);
        if (posts.isEmpty()) {
            throw new IllegalArgumentException("an incident support was told about has a post");
        }
    }
}
