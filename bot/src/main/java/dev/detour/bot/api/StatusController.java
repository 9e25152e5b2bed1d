package dev.detour.bot.api;

import dev.detour.incidents.application.ProviderStatusPageReadability;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.queries.CurrentFlags;
import dev.detour.notifications.flags.EventStreamClients;
import dev.detour.notifications.flags.SinkStates;
import dev.detour.incidents.signals.UnknownModelNames;
import dev.detour.notifications.slack.DeliveryGuarantee;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/status}: every provider, model and task class as Detour sees them now. It answers from the
 * committed snapshot that OFREP serves ({@link CurrentFlags}), never from a database read of its own, so it
 * answers at once while the database is down (docs/api.md).
 */
@Controller("/api/status")
@ExecuteOn(TaskExecutors.BLOCKING) // only before the first snapshot is there does an answer read the database
public class StatusController {
    private final CurrentFlags committed;
    private final Clock clock;
    private final DeliveryGuarantee slackDelivery;
    private final IncidentViews views;
    private final SinkStates sinks;
    private final Optional<EventStreamClients> eventStreams;
    private final UnknownModelNames unknownNames;
    private final Catalog catalog;
    private final ProviderStatusPageReadability pages;

    public StatusController(CurrentFlags committed, Clock clock, DeliveryGuarantee slackDelivery,
                            IncidentViews views, SinkStates sinks, Optional<EventStreamClients> eventStreams,
                            UnknownModelNames unknownNames, Catalog catalog, ProviderStatusPageReadability pages) {
        this.unknownNames = unknownNames;
        this.catalog = catalog;
        this.pages = pages;
        this.committed = committed;
        this.clock = clock;
        this.slackDelivery = slackDelivery;
        this.views = views;
        this.sinks = sinks;
        this.eventStreams = eventStreams;
    }

    @Get
    public Views.Status status() {
        return Views.Status.of(committed.status(), clock.instant(), slackDelivery.current(), views,
                sinks.current(), eventStreams.map(EventStreamClients::connected), unknownNames.snapshot(),
                statusPages());
    }

    private List<Views.StatusPage> statusPages() {
        return catalog.providers().stream().filter(provider -> provider.statusPage().isPresent())
                .map(provider -> pages.of(provider.id()).map(unreadable -> new Views.StatusPage(
                                provider.id().value(), provider.statusPage().get().toString(), "unreadable",
                                unreadable.reason(), unreadable.since()))
                        .orElseGet(() -> new Views.StatusPage(provider.id().value(),
                                provider.statusPage().get().toString(), "readable", null, null)))
                .toList();
    }
}
