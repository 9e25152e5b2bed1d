package dev.detour.bot.signals;

import dev.detour.bot.metrics.SignalMeters;
import dev.detour.incidents.application.GatewaySignals;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.signals.UnknownModelNames;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code POST /signals/gateway}: batches of request outcomes from the org's LLM gateway. Valid outcomes count
 * even when others in the batch are refused; the answer says which were refused and why.
 */
@Controller("/signals")
public class GatewayController {
    /** How many refused outcomes an answer lists one by one. */
    private static final int LISTED = 20;

    private final GatewayBatchReader reader;
    private final GatewaySignals gateway;
    private final Catalog catalog;
    private final SignalMeters meters;

    private final UnknownModelNames unknownNames;

    public GatewayController(Catalog catalog, GatewaySignals gateway, SignalMeters meters,
                             UnknownModelNames unknownNames, Clock clock) {
        this.unknownNames = unknownNames;
        this.reader = new GatewayBatchReader(catalog, clock);
        this.gateway = gateway;
        this.catalog = catalog;
        this.meters = meters;
    }

    public record Accepted(int accepted) {
    }

    public record PartlyRefused(String error, String detail, int accepted, List<Refused> rejected) {
    }

    public record Refused(int index, String problem) {
    }

    @Post(uri = "/gateway", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> outcomes(@Body byte[] body) {
        GatewayBatchReader.Batch batch;
        try {
            batch = reader.read(body);
        } catch (GatewayBatchReader.MalformedBatch e) {
            return HttpResponse.badRequest(new dev.detour.bot.api.ApiError("malformed_batch", e.getMessage()));
        }
        gateway.ingest(batch.accepted());
        batch.unknownNames().forEach(unknownNames::seen);
        Map<ProviderId, Long> perProvider = batch.accepted().stream()
                .collect(Collectors.groupingBy(outcome -> catalog.providerOf(outcome.model()), Collectors.counting()));
        perProvider.forEach((provider, outcomes) -> meters.received(SignalMeters.Source.GATEWAY, provider, outcomes));
        if (batch.rejected().isEmpty()) {
            return HttpResponse.accepted().body(new Accepted(batch.accepted().size()));
        }
        String problems = batch.rejected().stream().map(GatewayBatchReader.Rejection::problem).distinct()
                .limit(LISTED).collect(Collectors.joining("; "));
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new PartlyRefused("invalid_outcomes",
                batch.rejected().size() + " of " + (batch.rejected().size() + batch.accepted().size())
                        + " outcomes were refused (" + problems + "); the other " + batch.accepted().size()
                        + " count", batch.accepted().size(), batch.rejected().stream().limit(LISTED)
                .map(r -> new Refused(r.index(), r.problem())).toList()));
    }
}
