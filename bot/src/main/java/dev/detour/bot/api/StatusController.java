package dev.detour.bot.api;

import dev.detour.incidents.service.StatusService;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** {@code GET /api/status}: every provider, model and task class as Detour sees them now. */
@Controller("/api/status")
@ExecuteOn(TaskExecutors.BLOCKING)
public class StatusController {
    private final StatusService status;

    public StatusController(StatusService status) {
        this.status = status;
    }

    @Get
    public Views.Status status() {
        return Views.Status.of(status.current());
    }
}
