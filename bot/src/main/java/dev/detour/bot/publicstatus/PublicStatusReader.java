package dev.detour.bot.publicstatus;

import dev.detour.messages.SlackMarkup;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.detour.incidents.application.MaintenanceService;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.ports.SupportPosts;
import dev.detour.incidents.queries.StatusService;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.recovery.RampShare;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.queries.SupportedIncidents;
import dev.detour.incidents.queries.UptimeQuery;
import dev.detour.incidents.readmodel.SupportedIncident;
import dev.detour.incidents.readmodel.Uptime;
import dev.detour.incidents.support.SupportPostRecord;
import dev.detour.messages.Names;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads {@link PublicStatus}: each task class's route from {@link StatusService} and its uptime from
 * {@link UptimeQuery}, the incidents support was told about from {@link SupportedIncidents}; turns ids into display
 * names and Slack markup in on-call's words into plain text. Blocking (JDBC). The endpoints are public, so one
 * reading serves every request for {@link #FRESH_FOR}: visitors cannot multiply database reads.
 */
@Singleton
public class PublicStatusReader {
    /** Enough for the last incidents; the feed and the page show no more. */
    static final int POSTS = 20;
    /** Incidents on the page: those of the latest {@link #POSTS} posts are always among them. */
    static final int INCIDENTS = POSTS;
    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final StatusService status;
    private final UptimeQuery uptime;
    private final SupportedIncidents supported;
    private final Names names;
    private final MaintenanceService maintenance;
    private final Catalog catalog;
    private final LoadingCache<String, PublicStatus> latest;
    private final LoadingCache<String, Optional<PublicStatus.PublicIncident>> incidents;

    public PublicStatusReader(StatusService status, UptimeQuery uptime, SupportedIncidents supported,
                              Catalog catalog, MaintenanceService maintenance) {
        this.maintenance = maintenance;
        this.catalog = catalog;
        this.status = status;
        this.uptime = uptime;
        this.supported = supported;
        this.names = new Names(catalog);
        // Concurrent requests for an expired reading wait for one new reading instead of each making their own.
        this.latest = Caffeine.newBuilder().maximumSize(1).expireAfterWrite(FRESH_FOR).build(key -> readNow());
        this.incidents = Caffeine.newBuilder().maximumSize(100).expireAfterWrite(FRESH_FOR)
                .build(this::readIncident);
    }

    /** The status as read at most {@link #FRESH_FOR} ago. */
    public PublicStatus read() {
        return latest.get("status");
    }

    /** The incident with that public id, as read at most {@link #FRESH_FOR} ago; empty when there is none. */
    public Optional<PublicStatus.PublicIncident> incident(String publicId) {
        return PublicIncidentId.day(publicId).isEmpty() ? Optional.empty() : incidents.get(publicId);
    }

    private PublicStatus readNow() {
        DetourStatus now = status.current();
        Map<TaskClassId, Uptime> days = uptime.last90Days();
        List<SupportedIncident> told = supported.latest(INCIDENTS);
        Map<IncidentId, String> publicIds = new HashMap<>();
        told.forEach(incident -> publicIds.put(incident.incident().id(), PublicIncidentId.of(incident.incident())));
        Set<Long> promising = told.stream().filter(incident -> incident.incident().isOpen())
                .flatMap(incident -> incident.posts().stream().limit(1)).map(SupportPostRecord::id)
                .collect(Collectors.toSet());
        List<PublicStatus.Post> posts = told.stream().flatMap(incident -> incident.posts().stream())
                .sorted(Comparator.comparingLong(SupportPostRecord::id).reversed())
                .limit(POSTS).map(post -> post(post, publicIds.get(post.incident()), promising.contains(post.id())))
                .toList();
        return new PublicStatus(now.at(),
                now.taskClasses().stream().map(taskClass -> feature(taskClass, days.get(taskClass.id()))).toList(),
                told.stream().map(PublicStatusReader::incident).toList(), posts,
                now.ramps().stream().flatMap(ramp -> ramp(ramp).stream()).toList(), planned(now.at()));
    }

    /** A ramp by its target's public name; none for a target not named to customers. */
    private Optional<PublicStatus.Ramp> ramp(RampShare ramp) {
        return ramp.target().fold(names::publicProvider, names::publicModel)
                .map(name -> new PublicStatus.Ramp(name, ramp.percent(), ramp.since(), ramp.nextStepAt()));
    }

    /** Planned maintenance that affects a feature; in display names only. */
    private List<PublicStatus.PlannedMaintenance> planned(java.time.Instant now) {
        return maintenance.upcoming().stream()
                .map(window -> new PublicStatus.PlannedMaintenance(window.affected(catalog).stream()
                        .map(taskClass -> names.taskClass(taskClass.id())).toList(), window.startsAt(),
                        window.endsAt(), window.runsAt(now)))
                .filter(planned -> !planned.features().isEmpty()).toList();
    }

    private Optional<PublicStatus.PublicIncident> readIncident(String publicId) {
        return PublicIncidentId.day(publicId).stream().flatMap(day -> supported.openedOn(day).stream())
                .filter(incident -> PublicIncidentId.of(incident.incident()).equals(publicId))
                .map(PublicStatusReader::incident).findFirst();
    }

    private PublicStatus.Feature feature(DetourStatus.TaskClassStatus taskClass, Uptime days) {
        return new PublicStatus.Feature(taskClass.name(), FeatureState.of(taskClass.current().state()),
                taskClass.current().serving().flatMap(names::publicModel), taskClass.since(),
                days == null ? new Uptime(List.of()) : days);
    }

    /** Only the newest post of an open incident may promise the next one. */
    private static PublicStatus.PublicIncident incident(SupportedIncident told) {
        String id = PublicIncidentId.of(told.incident());
        List<PublicStatus.Post> posts = new ArrayList<>();
        for (SupportPostRecord post : told.posts()) {
            posts.add(post(post, id, posts.isEmpty() && told.incident().isOpen()));
        }
        return new PublicStatus.PublicIncident(id, posts.get(posts.size() - 1).title(), told.incident().openedAt(),
                told.incident().resolvedAt(), posts);
    }

    /** @param promiseHolds whether it is the newest post of an open incident: only such a post promises the next */
    private static PublicStatus.Post post(SupportPostRecord post, String incident, boolean promiseHolds) {
        return new PublicStatus.Post(entryId(post), post.at(), post.kind().word(),
                SlackMarkup.plain(post.headline()), SlackMarkup.plain(post.body()), incident, post.nextUpdateBy(),
                promiseHolds);
    }

    /**
     * A name-based UUID URN (RFC 4122) of the post's id and the moment it was written: the same post always has
     * the same id, whatever host name the feed is read under, and the id itself is not shown. Posts written before
     * the support post log kept their outbox row's id, so their entry ids did not change.
     */
    static String entryId(SupportPostRecord post) {
        String name = "detour:support-post:" + post.id() + ":" + post.at().toEpochMilli();
        return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
