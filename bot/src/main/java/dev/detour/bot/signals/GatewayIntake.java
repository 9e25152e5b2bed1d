package dev.detour.bot.signals;

import dev.detour.bot.metrics.SignalMeters;
import dev.detour.incidents.application.GatewaySignals;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.ProviderId;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Takes a read batch of outcomes from any gateway-like sender (the gateway's own batches, LiteLLM's callback) into
 * the gateway windows and answers as {@code POST /signals/gateway} does: 202, or 422 listing the refused ones
 * while the others count (docs/signals.md).
 */
@Singleton
final class GatewayIntake {
    /** How many refused outcomes an answer lists one by one. */
    private static final int LISTED = 20;

    private final GatewaySignals gateway;
    private final Catalog catalog;
    private final SignalMeters meters;

    GatewayIntake(GatewaySignals gateway, Catalog catalog, SignalMeters meters) {
        this.gateway = gateway;
        this.catalog = catalog;
        this.meters = meters;
    }

    HttpResponse<?> take(GatewayBatchReader.Batch batch, String what) {
        gateway.ingest(batch.accepted());
        Map<ProviderId, Long> perProvider = batch.accepted().stream()
                .collect(Collectors.groupingBy(outcome -> catalog.providerOf(outcome.model()), Collectors.counting()));
        perProvider.forEach((provider, outcomes) -> meters.received(SignalMeters.Source.GATEWAY, provider, outcomes));
        if (batch.rejected().isEmpty()) {
            return HttpResponse.accepted().body(new GatewayController.Accepted(batch.accepted().size()));
        }
        String problems = batch.rejected().stream().map(GatewayBatchReader.Rejection::problem).distinct()
                .limit(LISTED).collect(Collectors.joining("; "));
        List<GatewayController.Refused> listed = batch.rejected().stream().limit(LISTED)
                .map(r -> new GatewayController.Refused(r.index(), r.problem())).toList();
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new GatewayController.PartlyRefused(
                "invalid_" + what, batch.rejected().size() + " of " + (batch.rejected().size()
                + batch.accepted().size()) + " " + what + " were refused (" + problems + "); the other "
                + batch.accepted().size() + " count", batch.accepted().size(), listed));
    }
}
