package dev.detour.incidents.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.signals.SignalEvidence;

import java.time.Duration;

/**
 * The stored JSON of a {@link SignalEvidence}, inside a signal's timeline detail: an object whose {@code kind}
 * names the evidence ({@code gateway-errors}, {@code alert}, ...) and whose other fields are its numbers and the
 * outside text as it came. Durations are whole seconds. The field names are the stored format.
 */
final class SignalEvidenceJson {
    private final ObjectMapper mapper;

    SignalEvidenceJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode write(SignalEvidence evidence) {
        ObjectNode json = mapper.createObjectNode();
        if (evidence instanceof SignalEvidence.GatewayErrors errors) {
            numbers(json.put("kind", "gateway-errors").put("flapping", errors.flapping()), errors.numbers());
        } else if (evidence instanceof SignalEvidence.GatewayRecovered recovered) {
            numbers(json.put("kind", "gateway-recovered").put("quietForSeconds", recovered.quietFor().toSeconds()),
                    recovered.numbers());
        } else if (evidence instanceof SignalEvidence.OurSideRefused refused) {
            json.put("kind", "our-side-refused").put("rate", refused.rate()).put("requests", refused.requests());
        } else if (evidence instanceof SignalEvidence.OurSideAccepted) {
            json.put("kind", "our-side-accepted");
        } else if (evidence instanceof SignalEvidence.ProviderComponent component) {
            json.put("kind", "provider-component").put("provider", component.provider().value())
                    .put("component", component.component()).put("status", component.status());
        } else if (evidence instanceof SignalEvidence.ProviderIncident page) {
            json.put("kind", "provider-incident").put("name", page.name()).put("impact", page.impact())
                    .put("status", page.status()).put("body", page.body());
        } else if (evidence instanceof SignalEvidence.Alert alert) {
            json.put("kind", "alert").put("name", alert.name()).put("summary", alert.summary());
        } else if (evidence instanceof SignalEvidence.AsWritten written) {
            json.put("kind", "as-written").put("text", written.text());
        } else {
            throw new IllegalArgumentException("no stored form for " + evidence.getClass().getSimpleName());
        }
        return json;
    }

    /** @throws IllegalArgumentException when the object is not evidence this release knows */
    SignalEvidence read(JsonNode json) {
        String kind = text(json, "kind");
        return switch (kind) {
            case "gateway-errors" -> new SignalEvidence.GatewayErrors(numbers(json), json.path("flapping").asBoolean());
            case "gateway-recovered" -> new SignalEvidence.GatewayRecovered(numbers(json),
                    Duration.ofSeconds(number(json, "quietForSeconds").asLong()));
            case "our-side-refused" -> new SignalEvidence.OurSideRefused(number(json, "rate").asDouble(),
                    number(json, "requests").asLong());
            case "our-side-accepted" -> new SignalEvidence.OurSideAccepted();
            case "provider-component" -> new SignalEvidence.ProviderComponent(ProviderId.of(text(json, "provider")),
                    text(json, "component"), text(json, "status"));
            case "provider-incident" -> new SignalEvidence.ProviderIncident(text(json, "name"), text(json, "impact"),
                    text(json, "status"), text(json, "body"));
            case "alert" -> new SignalEvidence.Alert(text(json, "name"), text(json, "summary"));
            case "as-written" -> new SignalEvidence.AsWritten(text(json, "text"));
            default -> throw new IllegalArgumentException("unknown signal evidence " + kind);
        };
    }

    private static void numbers(ObjectNode json, SignalEvidence.GatewayNumbers numbers) {
        json.put("errorRate", numbers.errorRate()).put("errors", numbers.errors()).put("requests", numbers.requests())
                .put("windowSeconds", numbers.window().toSeconds()).put("rateLimited", numbers.rateLimited())
                .put("p95Ms", numbers.p95Ms());
    }

    private static SignalEvidence.GatewayNumbers numbers(JsonNode json) {
        return new SignalEvidence.GatewayNumbers(number(json, "errorRate").asDouble(), number(json, "errors").asLong(),
                number(json, "requests").asLong(), Duration.ofSeconds(number(json, "windowSeconds").asLong()),
                number(json, "rateLimited").asLong(), number(json, "p95Ms").asLong());
    }

    private static JsonNode number(JsonNode json, String field) {
        JsonNode value = json.path(field);
        if (!value.isNumber()) {
            throw new IllegalArgumentException("no " + field);
        }
        return value;
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.path(field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("no " + field);
        }
        return value.asText();
    }
}
