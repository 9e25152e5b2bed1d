package dev.detour.bot.api;

import dev.detour.incidents.audit.AuditQuery;
import dev.detour.incidents.audit.StoredAuditRecord;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.ports.AuditTrail;
import dev.detour.incidents.signals.PlausibleTimes;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code GET /api/audit}: the audit trail, oldest first, filtered by incident, by one subject (model, provider
 * or task class) and by time, in pages.
 */
@Controller("/api/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuditController {
    private final AuditTrail audit;
    private final PlausibleTimes times;

    public AuditController(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.times = new PlausibleTimes(clock);
    }

    @Get
    public Views.AuditPage search(@Nullable @QueryValue String incident, @Nullable @QueryValue String model,
                                  @Nullable @QueryValue String provider,
                                  @Nullable @QueryValue("task-class") String taskClass,
                                  @Nullable @QueryValue String since, @Nullable @QueryValue String until,
                                  @Nullable @QueryValue String after, @Nullable @QueryValue String limit,
                                  @Nullable @QueryValue String receipts) {
        List<String> subjects = new ArrayList<>();
        subject("model", model, ModelId::of).ifPresent(subjects::add);
        subject("provider", provider, ProviderId::of).ifPresent(subjects::add);
        subject("task-class", taskClass, TaskClassId::of).ifPresent(subjects::add);
        if (subjects.size() > 1) {
            throw ApiProblem.badRequest("filter by one of model, provider or task-class at a time");
        }
        Optional<IncidentId> incidentId = Optional.ofNullable(incident).filter(text -> !text.isBlank())
                .map(text -> QueryParameters.incidentId("incident", text));
        int pageSize = QueryParameters.intBetween("limit", limit, 1, AuditQuery.MAX_LIMIT, AuditQuery.DEFAULT_LIMIT);
        long afterId = QueryParameters.intBetween("after", after, 0, Integer.MAX_VALUE, 0);
        AuditQuery query = AuditQuery.everything().forIncident(incidentId).forSubject(subjects.stream().findFirst())
                .since(QueryParameters.instant("since", since, times))
                .until(QueryParameters.instant("until", until, times))
                .after(afterId).oldest(pageSize)
                .withReceipts(QueryParameters.bool("receipts", receipts, true));
        List<StoredAuditRecord> found = audit.search(query);
        Long next = found.size() == pageSize ? found.get(found.size() - 1).id() : null;
        return new Views.AuditPage(found.stream().map(Views.AuditLine::of).toList(), next);
    }

    private static Optional<String> subject(String kind, String value, Function<String, ?> parse) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(kind + ":" + parse.apply(value.trim()));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(kind + ": " + e.getMessage());
        }
    }
}
