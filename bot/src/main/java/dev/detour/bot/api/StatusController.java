package dev.detour.bot.api;

import dev.detour.incidents.service.StatusService;
import dev.detour.notifications.slack.DeliveryGuarantee;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** {@code GET /api/status}: every provider, model and task class as Detour sees them now. */
@Controller("/api/status")
@ExecuteOn(TaskExecutors.BLOCKING)
public class StatusController {
    private final StatusService status;
    private final DeliveryGuarantee slackDelivery;

    public StatusController(StatusService status, DeliveryGuarantee slackDelivery) {
        this.status = status;
        this.slackDelivery = slackDelivery;
    }

    @Get
    public Views.Status status() {
        return Views.Status.of(status.current(), slackDelivery.current());
    }
}
