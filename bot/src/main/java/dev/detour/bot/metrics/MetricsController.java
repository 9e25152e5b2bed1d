package dev.detour.bot.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code GET /metrics}: every meter in Prometheus' text format (0.0.4), public like {@code /health}. Micronaut's
 * own {@code metrics} endpoint (JSON) stays off; this is the scrape Prometheus expects at this path.
 */
@Controller
public class MetricsController {
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry prometheus;

    public MetricsController(PrometheusMeterRegistry prometheus) {
        this.prometheus = prometheus;
    }

    /**
     * Always the 0.0.4 text format, whatever {@code Accept} asks for (as Prometheus' own client libraries fall
     * back to it). Blocking: the database gauges may read the database (see {@link DatabaseMeters}).
     */
    @Get(uri = "/metrics", produces = MediaType.ALL)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<String> scrape() {
        return HttpResponse.ok(prometheus.scrape()).contentType(CONTENT_TYPE);
    }
}
