package dev.detour.incidents.queries;

import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.ports.SupportPosts;
import dev.detour.incidents.readmodel.SupportedIncident;
import dev.detour.incidents.support.SupportPostRecord;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The incidents support was told about, each with its posts: what the public status page's history shows. */
@Singleton
public class SupportedIncidents {
    /** Posts of one incident shown at most; a long incident's oldest posts are left out. */
    public static final int POSTS_PER_INCIDENT = 50;

    private final SupportPosts posts;
    private final IncidentService incidents;

    public SupportedIncidents(SupportPosts posts, IncidentService incidents) {
        this.posts = posts;
        this.incidents = incidents;
    }

    /** At most {@code limit}, the one with the newest post first. */
    public List<SupportedIncident> latest(int limit) {
        return posts.latestIncidents(limit).stream().flatMap(id -> read(id).stream()).toList();
    }

    /** Those opened on {@code day} (UTC). */
    public List<SupportedIncident> openedOn(LocalDate day) {
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant until = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return posts.incidentsOpenedBetween(from, until).stream().flatMap(id -> read(id).stream()).toList();
    }

    private Optional<SupportedIncident> read(IncidentId id) {
        List<SupportPostRecord> told = posts.ofIncident(id, POSTS_PER_INCIDENT);
        return told.isEmpty() ? Optional.empty()
                : incidents.find(id).map(incident -> new SupportedIncident(incident, told));
    }
}
