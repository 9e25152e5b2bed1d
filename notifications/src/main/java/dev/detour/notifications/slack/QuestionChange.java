package dev.detour.notifications.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.detour.incidents.catalog.EnumWords;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentState;
import dev.detour.incidents.incident.QuestionSettlement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What happened to an incident's questions, as data in a {@link SlackKind#QUESTION_SETTLED} row: the questions are
 * settled and their messages rendered again when the row is delivered ({@link QuestionDeliveries}).
 */
public sealed interface QuestionChange {
    ObjectMapper JSON = new ObjectMapper();

    IncidentId incident();

    /** A task class left the state its fallback question was about (answered, timed out, or moved on). */
    record RouteSettled(IncidentId incident, TaskClassId taskClass, QuestionSettlement settlement)
            implements QuestionChange {
    }

    /** A provider or model was switched off or back on, by a person or by policy. */
    record Switched(IncidentId incident, Target target, boolean available, Actor by, Instant at)
            implements QuestionChange {
    }

    /**
     * A ramp started for a target (docs/recovery.md): "switch it back on?" about it (or about a model of a ramping
     * provider) is answered, since it is coming back step by step.
     */
    record Ramping(IncidentId incident, Target target, Actor by, Instant at) implements QuestionChange {
    }

    /** A signal about these targets: recovering overtakes "switch it off?", failing overtakes "switch it back on?". */
    record Signalled(IncidentId incident, List<Target> targets, boolean firing, Actor by, Instant at)
            implements QuestionChange {
        public Signalled {
            targets = List.copyOf(targets);
        }
    }

    /** The incident moved to another state (Monitoring, or back from it). */
    record StateChanged(IncidentId incident, IncidentState to, Actor by, Instant at) implements QuestionChange {
    }

    /** A feature left its usual model again: a suggestion to move to Monitoring loses its button. */
    record LeftUsualModel(IncidentId incident) implements QuestionChange {
    }

    /** Someone posted an update about the incident. */
    record Updated(IncidentId incident, Actor by, Instant at) implements QuestionChange {
    }

    /**
     * A ramp moved after it rolled back: its Retry ramp / Keep off question is settled by how (docs/recovery.md,
     * {@link dev.detour.incidents.incident.Question.Kind#ROLLBACK}).
     */
    record RampSettled(IncidentId incident, Target target, QuestionSettlement settlement) implements QuestionChange {
    }

    /** The incident was resolved: nothing on its questions may be pressed any more. */
    record Resolved(IncidentId incident) implements QuestionChange {
    }

    default String toJson() {
        ObjectNode node = JSON.createObjectNode().put("incident", incident().toString());
        if (this instanceof RouteSettled route) {
            node.put("type", "route").put("taskClass", route.taskClass().value())
                    .put("outcome", EnumWords.of(route.settlement().outcome()))
                    .put("by", route.settlement().by().toString()).put("at", route.settlement().at().toString());
        } else if (this instanceof Switched switched) {
            node.put("type", "switched").put("available", switched.available())
                    .put("by", switched.by().toString()).put("at", switched.at().toString());
            target(node.putObject("target"), switched.target());
        } else if (this instanceof Ramping ramping) {
            node.put("type", "ramping").put("by", ramping.by().toString()).put("at", ramping.at().toString());
            target(node.putObject("target"), ramping.target());
        } else if (this instanceof Signalled signalled) {
            node.put("type", "signalled").put("firing", signalled.firing())
                    .put("by", signalled.by().toString()).put("at", signalled.at().toString());
            signalled.targets().forEach(target -> target(node.withArray("targets").addObject(), target));
        } else if (this instanceof RampSettled ramp) {
            node.put("type", "ramp").put("outcome", EnumWords.of(ramp.settlement().outcome()))
                    .put("by", ramp.settlement().by().toString()).put("at", ramp.settlement().at().toString());
            target(node.putObject("target"), ramp.target());
        } else if (this instanceof LeftUsualModel) {
            node.put("type", "left-usual-model");
        } else if (this instanceof Updated updated) {
            node.put("type", "updated").put("by", updated.by().toString()).put("at", updated.at().toString());
        } else if (this instanceof StateChanged state) {
            node.put("type", "state").put("to", state.to().word()).put("by", state.by().toString())
                    .put("at", state.at().toString());
        } else {
            node.put("type", "resolved");
        }
        return node.toString();
    }

    static QuestionChange fromJson(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("question change is not JSON", e);
        }
        IncidentId incident = IncidentId.parse(node.path("incident").asText())
                .orElseThrow(() -> new IllegalArgumentException("question change without incident: " + json));
        return switch (node.path("type").asText()) {
            case "route" -> new RouteSettled(incident, TaskClassId.of(node.path("taskClass").asText()),
                    new QuestionSettlement(EnumWords.parse(QuestionSettlement.Outcome.values(),
                            node.path("outcome").asText()).orElseThrow(), Actor.parse(node.path("by").asText()),
                            Instant.parse(node.path("at").asText())));
            case "switched" -> new Switched(incident, target(node.path("target")), node.path("available").asBoolean(),
                    Actor.parse(node.path("by").asText()), Instant.parse(node.path("at").asText()));
            case "ramping" -> new Ramping(incident, target(node.path("target")), Actor.parse(node.path("by").asText()),
                    Instant.parse(node.path("at").asText()));
            case "signalled" -> {
                List<Target> targets = new ArrayList<>();
                node.path("targets").forEach(target -> targets.add(target(target)));
                yield new Signalled(incident, targets, node.path("firing").asBoolean(),
                        Actor.parse(node.path("by").asText()), Instant.parse(node.path("at").asText()));
            }
            case "state" -> new StateChanged(incident, IncidentState.fromWord(node.path("to").asText()).orElseThrow(),
                    Actor.parse(node.path("by").asText()), Instant.parse(node.path("at").asText()));
            case "updated" -> new Updated(incident, Actor.parse(node.path("by").asText()),
                    Instant.parse(node.path("at").asText()));
            case "ramp" -> new RampSettled(incident, target(node.path("target")), new QuestionSettlement(
                    EnumWords.parse(QuestionSettlement.Outcome.values(), node.path("outcome").asText()).orElseThrow(),
                    Actor.parse(node.path("by").asText()), Instant.parse(node.path("at").asText())));
            case "left-usual-model" -> new LeftUsualModel(incident);
            case "resolved" -> new Resolved(incident);
            default -> throw new IllegalArgumentException("unknown question change " + json);
        };
    }

    private static void target(ObjectNode node, Target target) {
        node.put("kind", target.kind()).put("id", target.id());
    }

    private static Target target(JsonNode node) {
        return Target.of(node.path("kind").asText(), node.path("id").asText());
    }
}
