package dev.detour.messages;

import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.QuestionSettlement;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteState;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The answer to a press on a button whose moment has passed (a question already settled, a target already switched):
 * what happened, and the command that goes on from here, never an id or an error code (docs/slack.md, "Questions").
 */
public final class StalePress {
    private final Names names;
    private final Wording words;

    public StalePress(Names names, Wording words) {
        this.names = names;
        this.words = words;
    }

    /**
     * A fallback question that is not open any more.
     *
     * @param answer how the newest question about the class was settled, if Detour knows
     * @return empty when the task class is not known to {@code now}
     */
    public Optional<String> consent(TaskClassId taskClass, DetourStatus now, Optional<QuestionSettlement> answer) {
        Optional<Route> route = now.taskClasses().stream().filter(t -> t.id().equals(taskClass)).findFirst()
                .map(DetourStatus.TaskClassStatus::current);
        if (route.isEmpty()) {
            return Optional.empty();
        }
        String name = names.taskClass(taskClass);
        Route current = route.get();
        String by = answer.map(settled -> byWhom(settled)).orElse("");
        if (current.state() == RouteState.FALLBACK) {
            return Optional.of(words.get(WordKey.STALE_CONSENT_MOVED, name, model(current.serving()), by,
                    taskClass.value()));
        }
        if (current.state() == RouteState.PRIMARY) {
            return Optional.of(words.get(WordKey.STALE_CONSENT_BACK, name, model(current.serving())));
        }
        Optional<ModelId> offered = current.offered();
        return Optional.of(offered.map(model -> words.get(WordKey.STALE_CONSENT_PAUSED, name, by, taskClass.value(),
                        model.value()))
                .orElseGet(() -> words.get(WordKey.STALE_CONSENT_PAUSED_NO_OFFER, name, by, taskClass.value())));
    }

    /** Switch buttons whose targets were already that way: each named, and the command that undoes it. */
    public String alreadySwitched(List<Target> targets, boolean on) {
        String named = targets.stream().map(names::target).collect(Collectors.joining(", "));
        String ids = targets.stream().map(Target::id).collect(Collectors.joining(" "));
        return words.get(on ? WordKey.STALE_ALREADY_ON : WordKey.STALE_ALREADY_OFF, named, ids);
    }

    /** " by @alice", " (nobody answered in time)", or nothing when Detour's policy moved it. */
    private String byWhom(QuestionSettlement settled) {
        if (settled.outcome() == QuestionSettlement.Outcome.TIMED_OUT_APPROVED
                || settled.outcome() == QuestionSettlement.Outcome.TIMED_OUT_DENIED) {
            return words.get(WordKey.STALE_NOBODY_ANSWERED);
        }
        return settled.by().kind() == Actor.Kind.USER ? words.get(WordKey.STALE_BY, "<@" + settled.by().id() + ">")
                : "";
    }

    private String model(Optional<ModelId> model) {
        return model.map(names::model).orElse("?");
    }
}
