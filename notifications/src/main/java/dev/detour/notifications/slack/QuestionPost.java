package dev.detour.notifications.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.detour.incidents.catalog.EnumWords;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.Question;
import dev.detour.messages.ThreadQuestion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link SlackKind#QUESTION} row's payload: the questions one message asks, as data, with the words it says
 * besides them. The message itself is rendered when it is posted, from the state at that moment.
 */
record QuestionPost(ThreadQuestion.Asking asking) {

    String toJson() {
        ObjectNode node = QuestionChange.JSON.createObjectNode().put("context", asking.context());
        asking.offered().ifPresent(model -> node.put("offered", model.value()));
        for (Question question : asking.questions()) {
            ObjectNode item = node.withArray("questions").addObject()
                    .put("incident", question.incident().toString()).put("kind", EnumWords.of(question.kind()));
            question.taskClass().ifPresent(taskClass -> item.put("taskClass", taskClass.value()));
            question.target().ifPresent(target -> item.put("targetKind", target.kind()).put("targetId", target.id()));
        }
        return node.toString();
    }

    static QuestionPost fromJson(String json) {
        JsonNode node;
        try {
            node = QuestionChange.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("question payload is not JSON", e);
        }
        List<Question> questions = new ArrayList<>();
        for (JsonNode item : node.path("questions")) {
            questions.add(new Question(IncidentId.parse(item.path("incident").asText()).orElseThrow(),
                    EnumWords.parse(Question.Kind.values(), item.path("kind").asText()).orElseThrow(),
                    item.hasNonNull("taskClass") ? Optional.of(TaskClassId.of(item.path("taskClass").asText()))
                            : Optional.empty(),
                    item.hasNonNull("targetKind") ? Optional.of(Target.of(item.path("targetKind").asText(),
                            item.path("targetId").asText())) : Optional.empty()));
        }
        Optional<ModelId> offered = node.hasNonNull("offered") ? Optional.of(ModelId.of(node.path("offered").asText()))
                : Optional.empty();
        return new QuestionPost(new ThreadQuestion.Asking(questions, node.path("context").asText(""), offered));
    }
}
