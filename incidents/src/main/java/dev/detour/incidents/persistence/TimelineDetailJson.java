package dev.detour.incidents.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.detour.incidents.catalog.EnumWords;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.incident.FollowUp;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.IncidentState;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteCause;
import dev.detour.incidents.routing.RouteState;
import dev.detour.incidents.signals.SignalEvidence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stored JSON of a {@link TimelineDetail}: an object whose {@code kind} names the detail
 * ({@code opened}, {@code state-changed}, ...) and whose other fields are its data, in words and ids, never
 * prose. The field names are the stored format, so they are written out here rather than taken from the records.
 */
final class TimelineDetailJson {
    private final ObjectMapper mapper = new ObjectMapper();
    private final SignalEvidenceJson evidence = new SignalEvidenceJson(mapper);

    String write(TimelineDetail detail) {
        ObjectNode json = mapper.createObjectNode();
        if (detail instanceof TimelineDetail.Opened opened) {
            json.put("kind", "opened").put("incidentKind", opened.kind().word()).put("title", opened.title());
            json.set("affected", targets(opened.affected()));
        } else if (detail instanceof TimelineDetail.Reopened reopened) {
            json.put("kind", "reopened").put("previous", reopened.previous().toString())
                    .put("reason", reopened.reason());
        } else if (detail instanceof TimelineDetail.Acknowledged) {
            json.put("kind", "acknowledged");
        } else if (detail instanceof TimelineDetail.StateChanged changed) {
            json.put("kind", "state-changed").put("from", changed.from().word()).put("to", changed.to().word());
        } else if (detail instanceof TimelineDetail.TitleSet titled) {
            json.put("kind", "title-set").put("before", titled.before()).put("title", titled.title());
        } else if (detail instanceof TimelineDetail.KindSet kindSet) {
            json.put("kind", "kind-set").put("from", kindSet.from().word()).put("to", kindSet.to().word());
        } else if (detail instanceof TimelineDetail.Resolved resolved) {
            json.put("kind", "resolved").put("from", resolved.from().word()).put("summary", resolved.summary())
                    .put("cause", resolved.cause());
            resolved.forCustomers().ifPresent(customer -> json.put("customer", customer));
            ArrayNode followUps = json.putArray("followUps");
            resolved.followUps().forEach(followUp -> followUps.addObject().put("what", followUp.what())
                    .put("owner", followUp.owner().orElse(null))
                    .put("due", followUp.due().map(LocalDate::toString).orElse(null)));
        } else if (detail instanceof TimelineDetail.TargetsAdded added) {
            json.put("kind", "targets-added").set("targets", targets(added.targets()));
        } else if (detail instanceof TimelineDetail.Update update) {
            json.put("kind", "update").put("internal", update.text().internal())
                    .put("public", update.text().customer());
        } else if (detail instanceof TimelineDetail.AvailabilityChanged changed) {
            json.put("kind", "availability-changed").put("available", changed.available())
                    .put("reason", changed.reason().orElse(null)).set("target", target(changed.target()));
        } else if (detail instanceof TimelineDetail.RouteChanged changed) {
            Route route = changed.route();
            json.put("kind", "route-changed").put("taskClass", route.taskClass().value())
                    .put("state", route.state().word()).put("serving", route.serving().map(ModelId::value).orElse(null))
                    .put("offered", route.offered().map(ModelId::value).orElse(null))
                    .put("cause", EnumWords.of(route.cause()));
        } else if (detail instanceof TimelineDetail.Signalled signal) {
            json.put("kind", "signal").put("source", signal.source()).put("firing", signal.firing())
                    .put("side", EnumWords.of(signal.side())).set("targets", targets(signal.targets()));
            json.set("evidence", evidence.write(signal.evidence()));
        } else if (detail instanceof TimelineDetail.StatusPageIncident page) {
            json.put("kind", "status-page-incident").put("name", page.name()).put("impact", page.impact())
                    .put("status", page.status()).put("body", page.body());
        } else if (detail instanceof TimelineDetail.ScopeChosen scope) {
            json.put("kind", "scope-chosen").put("narrowerChosen", scope.narrowerChosen());
            json.set("proposed", targets(scope.proposed()));
            json.set("narrower", targets(scope.narrower()));
        } else if (detail instanceof TimelineDetail.ApprovalStep approval) {
            json.put("kind", "approval").put("step", EnumWords.of(approval.step()))
                    .set("targets", targets(approval.targets()));
        } else if (detail instanceof TimelineDetail.AsWritten written) {
            json.put("kind", "as-written").put("type", EnumWords.of(written.type())).put("text", written.text());
        } else {
            throw new IllegalArgumentException("no stored form for " + detail.getClass().getSimpleName());
        }
        try {
            return mapper.writeValueAsString(json);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** @throws IllegalArgumentException when the text is not a detail this release knows */
    TimelineDetail read(String stored) {
        JsonNode json;
        try {
            json = mapper.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
        String kind = text(json, "kind");
        return switch (kind) {
            case "opened" -> new TimelineDetail.Opened(word(IncidentKind.values(), text(json, "incidentKind")),
                    targets(json.path("affected")), text(json, "title"));
            case "reopened" -> new TimelineDetail.Reopened(IncidentId.parse(text(json, "previous"))
                    .orElseThrow(() -> new IllegalArgumentException("not an incident id")), text(json, "reason"));
            case "acknowledged" -> new TimelineDetail.Acknowledged();
            case "state-changed" -> new TimelineDetail.StateChanged(state(json, "from"), state(json, "to"));
            case "title-set" -> new TimelineDetail.TitleSet(text(json, "before"), text(json, "title"));
            case "kind-set" -> new TimelineDetail.KindSet(word(IncidentKind.values(), text(json, "from")),
                    word(IncidentKind.values(), text(json, "to")));
            case "resolved" -> new TimelineDetail.Resolved(state(json, "from"), text(json, "summary"),
                    json.path("cause").asText(""), followUps(json.path("followUps")),
                    json.path("customer").asText(""));
            case "targets-added" -> new TimelineDetail.TargetsAdded(targets(json.path("targets")));
            case "update" -> new TimelineDetail.Update(text(json, "internal"), text(json, "public"));
            case "availability-changed" -> new TimelineDetail.AvailabilityChanged(target(json.path("target")),
                    json.path("available").asBoolean(), optional(json, "reason"));
            case "route-changed" -> new TimelineDetail.RouteChanged(new Route(TaskClassId.of(text(json, "taskClass")),
                    word(RouteState.values(), text(json, "state")), optional(json, "serving").map(ModelId::of),
                    optional(json, "offered").map(ModelId::of), word(RouteCause.values(), text(json, "cause"))));
            case "signal" -> new TimelineDetail.Signalled(text(json, "source"), json.path("firing").asBoolean(),
                    targets(json.path("targets")), signalEvidence(json),
                    word(TimelineDetail.Signalled.Side.values(), text(json, "side")));
            case "status-page-incident" -> new TimelineDetail.StatusPageIncident(text(json, "name"),
                    text(json, "impact"), text(json, "status"), text(json, "body"));
            case "scope-chosen" -> new TimelineDetail.ScopeChosen(targets(json.path("proposed")),
                    targets(json.path("narrower")), json.path("narrowerChosen").asBoolean());
            case "approval" -> new TimelineDetail.ApprovalStep(word(TimelineDetail.ApprovalStep.Step.values(),
                    text(json, "step")), targets(json.path("targets")));
            case "as-written" -> new TimelineDetail.AsWritten(word(
                    dev.detour.incidents.incident.TimelineEntry.Type.values(), text(json, "type")), text(json, "text"));
            default -> throw new IllegalArgumentException("unknown timeline detail " + kind);
        };
    }

    /** Entries written before follow-ups were kept have none. */
    private static List<FollowUp> followUps(JsonNode array) {
        List<FollowUp> followUps = new ArrayList<>();
        array.forEach(node -> followUps.add(new FollowUp(text(node, "what"), optional(node, "owner"),
                optional(node, "due").map(LocalDate::parse))));
        return followUps;
    }

    /** Signals stored before typed evidence have their one line in {@code summary}: shown as it was written. */
    private SignalEvidence signalEvidence(JsonNode signal) {
        if (signal.has("evidence")) {
            return evidence.read(signal.path("evidence"));
        }
        return new SignalEvidence.AsWritten(text(signal, "summary"));
    }

    private ArrayNode targets(List<Target> targets) {
        ArrayNode array = mapper.createArrayNode();
        targets.forEach(target -> array.add(target(target)));
        return array;
    }

    private ObjectNode target(Target target) {
        return mapper.createObjectNode().put("kind", target.kind()).put("id", target.id());
    }

    private static List<Target> targets(JsonNode array) {
        List<Target> targets = new ArrayList<>();
        array.forEach(node -> targets.add(target(node)));
        return targets;
    }

    private static Target target(JsonNode node) {
        return Target.of(text(node, "kind"), text(node, "id"));
    }

    private static IncidentState state(JsonNode json, String field) {
        return word(IncidentState.values(), text(json, field));
    }

    private static <E extends Enum<E>> E word(E[] values, String word) {
        return EnumWords.parse(values, word).orElseThrow(() -> new IllegalArgumentException("unknown word " + word));
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.path(field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("no " + field);
        }
        return value.asText();
    }

    private static Optional<String> optional(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }
}
