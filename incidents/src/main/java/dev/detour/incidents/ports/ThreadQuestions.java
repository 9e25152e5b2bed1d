package dev.detour.incidents.ports;

import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.Question;
import dev.detour.incidents.incident.QuestionSettlement;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The questions posted in incidents' threads: where each one is (so it can be edited), and how it was settled.
 * Several questions may share one message (a signal about two models asks about each).
 */
public interface ThreadQuestions {

    /**
     * A question was posted; asking it again (a new message) starts it afresh.
     *
     * @param context what the message says besides the question (the signal it is about), kept when it is edited
     * @param offered for a consent question, the model it offers
     */
    void asked(Question question, String channel, String ts, String context, Optional<ModelId> offered, Instant at);

    Optional<Asked> find(Question question);

    /** The newest fallback question about a task class, in any incident. */
    Optional<Asked> latestConsent(TaskClassId taskClass);

    /** Every question on the message at {@code ts}, in the order they were asked. */
    List<Asked> onMessage(IncidentId incident, String ts);

    /** The incident's questions that are not closed yet (open, or settled with a way forward). */
    List<Asked> notClosed(IncidentId incident);

    /** Records how the question was settled; {@code closed} when nothing about it can be pressed any more. */
    void settle(Question question, QuestionSettlement settlement, boolean closed);

    /** Nothing about the question can be pressed any more (its incident was resolved); its settlement stays. */
    void close(Question question);

    /**
     * @param settlement empty while nobody answered and nothing overtook it
     * @param closed     nothing on it may be pressed any more
     */
    record Asked(Question question, String channel, String ts, String context, Optional<ModelId> offered,
                 Instant askedAt, Optional<QuestionSettlement> settlement, boolean closed) {
        public boolean open() {
            return settlement.isEmpty() && !closed;
        }
    }
}
