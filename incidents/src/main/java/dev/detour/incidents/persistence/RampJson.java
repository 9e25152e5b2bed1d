package dev.detour.incidents.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.detour.incidents.recovery.HoldEvidence;
import dev.detour.incidents.recovery.RampSample;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stored JSON of a ramp's steps, of its hold's evidence and of the sources it knows to fire; the field names are
 * the stored format.
 */
final class RampJson {
    private final ObjectMapper mapper = new ObjectMapper();

    String steps(List<Integer> steps) {
        ArrayNode json = mapper.createArrayNode();
        steps.forEach(json::add);
        return json.toString();
    }

    List<Integer> steps(String text) {
        List<Integer> steps = new ArrayList<>();
        read(text).forEach(step -> steps.add(step.asInt()));
        return steps;
    }

    /** Source names, e.g. {@code ["alertmanager","statuspage:openai"]}. */
    String sources(java.util.Collection<String> sources) {
        ArrayNode json = mapper.createArrayNode();
        sources.forEach(json::add);
        return json.toString();
    }

    java.util.Set<String> sources(String text) {
        java.util.Set<String> sources = new java.util.TreeSet<>();
        read(text).forEach(source -> sources.add(source.asText()));
        return sources;
    }

    String evidence(HoldEvidence evidence) {
        ObjectNode json = mapper.createObjectNode().put("peakRequests", evidence.peakRequests())
                .put("worstErrorRate", evidence.worstErrorRate()).put("p95Exceeded", evidence.p95Exceeded())
                .put("firingSeen", evidence.firingSeen());
        evidence.last().ifPresent(last -> {
            ObjectNode sample = json.putObject("last").put("requests", last.requests()).put("errors", last.errors())
                    .put("p95OverLimit", last.p95OverLimit()).put("p95Ms", last.p95Ms())
                    .put("windowMs", last.window().toMillis());
            ArrayNode firing = sample.putArray("firing");
            last.firing().forEach(firing::add);
        });
        return json.toString();
    }

    HoldEvidence evidence(String text) {
        JsonNode json = read(text);
        JsonNode last = json.path("last");
        Optional<RampSample> sample = Optional.empty();
        if (last.isObject()) {
            List<String> firing = new ArrayList<>();
            last.path("firing").forEach(source -> firing.add(source.asText()));
            sample = Optional.of(new RampSample(last.path("requests").asLong(), last.path("errors").asLong(),
                    last.path("p95OverLimit").asBoolean(), last.path("p95Ms").asLong(), firing,
                    Duration.ofMillis(last.path("windowMs").asLong())));
        }
        return new HoldEvidence(json.path("peakRequests").asLong(), json.path("worstErrorRate").asDouble(),
                json.path("p95Exceeded").asBoolean(), json.path("firingSeen").asBoolean(), sample);
    }

    private JsonNode read(String text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
