package dev.detour.incidents.persistence;

import dev.detour.incidents.catalog.EnumWords;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.Question;
import dev.detour.incidents.incident.QuestionSettlement;
import dev.detour.incidents.ports.ThreadQuestions;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Questions in incidents' threads, in {@code thread_question}. */
@Singleton
public class ThreadQuestionsTable implements ThreadQuestions {
    private final ThreadQuestionRepository rows;

    public ThreadQuestionsTable(ThreadQuestionRepository rows) {
        this.rows = rows;
    }

    @Override
    @Transactional
    public void asked(Question question, String channel, String ts, String context, Optional<ModelId> offered,
                      Instant at) {
        String key = key(question);
        rows.delete(key);
        rows.save(new ThreadQuestionRow(key, question.incident().number(), EnumWords.of(question.kind()),
                question.taskClass().map(TaskClassId::value).orElse(null),
                question.target().map(Target::kind).orElse(null), question.target().map(Target::id).orElse(null),
                offered.map(ModelId::value).orElse(null), channel, ts, context, at, null, null, null, false));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Asked> find(Question question) {
        return rows.findById(key(question)).map(ThreadQuestionsTable::asked);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Asked> latestConsent(TaskClassId taskClass) {
        return rows.findLatestConsent(taskClass.value()).stream().findFirst().map(ThreadQuestionsTable::asked);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Asked> onMessage(IncidentId incident, String ts) {
        return rows.findOnMessage(incident.number(), ts).stream().map(ThreadQuestionsTable::asked).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Asked> notClosed(IncidentId incident) {
        return rows.findNotClosed(incident.number()).stream().map(ThreadQuestionsTable::asked).toList();
    }

    @Override
    @Transactional
    public void settle(Question question, QuestionSettlement settlement, boolean closed) {
        rows.settle(key(question), EnumWords.of(settlement.outcome()), settlement.by().toString(), settlement.at(),
                closed);
    }

    @Override
    @Transactional
    public void close(Question question) {
        rows.close(key(question));
    }

    private static String key(Question question) {
        return InboundEventRow.key("thread-question", question.incident() + "|" + EnumWords.of(question.kind()) + "|"
                + question.taskClass().map(TaskClassId::value).orElse("") + "|"
                + question.target().map(target -> target.kind() + "|" + target.id()).orElse(""));
    }

    private static Asked asked(ThreadQuestionRow row) {
        IncidentId incident = new IncidentId(row.incidentId());
        Question.Kind kind = EnumWords.parse(Question.Kind.values(), row.kind())
                .orElseThrow(() -> new IllegalStateException("unknown question kind " + row.kind()));
        Question question = new Question(incident, kind, Optional.ofNullable(row.taskClass()).map(TaskClassId::of),
                Optional.ofNullable(row.targetKind()).map(targetKind -> Target.of(targetKind, row.targetId())));
        Optional<QuestionSettlement> settlement = Optional.ofNullable(row.outcome())
                .map(outcome -> new QuestionSettlement(EnumWords.parse(QuestionSettlement.Outcome.values(), outcome)
                        .orElseThrow(() -> new IllegalStateException("unknown outcome " + outcome)),
                        Actor.parse(row.settledBy()), row.settledAt()));
        return new Asked(question, row.channel(), row.ts(), row.context(),
                Optional.ofNullable(row.offered()).map(ModelId::of), row.askedAt(), settlement, row.closed());
    }
}
