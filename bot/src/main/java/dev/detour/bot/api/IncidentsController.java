package dev.detour.bot.api;

import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.queries.StatusService;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.messages.TimelineWords;
import dev.detour.messages.Wording;
import dev.detour.notifications.language.WordingFactory;
import jakarta.inject.Named;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** {@code GET /api/incidents} and {@code GET /api/incidents/{id}} with its timeline. */
@Controller("/api/incidents")
@ExecuteOn(TaskExecutors.BLOCKING)
public class IncidentsController {
    private static final int MAX_LIMIT = 500;

    private final IncidentService incidents;
    private final StatusService status;
    private final IncidentViews views;
    private final Clock clock;
    private final TimelineWords words;

    /** @param english the API speaks English, whatever language the Slack messages use */
    public IncidentsController(IncidentService incidents, StatusService status, IncidentViews views, Clock clock,
                               @Named(WordingFactory.API) Wording english) {
        this.incidents = incidents;
        this.status = status;
        this.views = views;
        this.words = new TimelineWords(english);
        this.clock = clock;
    }

    /**
     * @param state {@code open} for open incidents only, {@code all} (default) for the latest of every state
     * @param limit how many of the latest, 1 to 500 (default 50)
     */
    @Get
    public Views.Incidents list(@Nullable @QueryValue String state, @Nullable @QueryValue String limit) {
        int count = QueryParameters.intBetween("limit", limit, 1, MAX_LIMIT, 50);
        List<Incident> found;
        if (state == null || state.equals("all")) {
            found = incidents.latest(count);
        } else if (state.equals("open")) {
            found = incidents.openIncidents().stream().limit(count).toList();
        } else {
            throw ApiProblem.badRequest("state must be 'open' or 'all', not '" + state + "'");
        }
        Instant now = clock.instant();
        DetourStatus current = status.current();
        return new Views.Incidents(found.stream().map(incident -> views.summary(incident, current,
                incidents.timeline(incident.id()), now)).toList());
    }

    /** @param id {@code INC-3} (or just {@code 3}) */
    @Get("/{id}")
    public Views.IncidentDetail one(@PathVariable String id) {
        IncidentId incidentId = QueryParameters.incidentId("id", id);
        Incident incident = incidents.find(incidentId)
                .orElseThrow(() -> ApiProblem.notFound("there is no incident " + incidentId));
        List<TimelineEntry> timeline = incidents.timeline(incidentId);
        return new Views.IncidentDetail(views.summary(incident, status.current(), timeline, clock.instant()),
                timeline.stream().map(entry -> Views.TimelineLine.of(entry, words)).toList());
    }
}
