package dev.detour.messages;

import dev.detour.incidents.incident.Refusal;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.routing.RouteOverride;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A refusal in words: the one place that says why Detour did not make a change, for command answers and anything
 * else that shows a refusal to people. Ids stay as people type them in commands; providers show their names.
 */
public final class RefusalText {
    private final Names names;
    private final Wording words;

    public RefusalText(Names names, Wording words) {
        this.names = names;
        this.words = words;
    }

    /** The reason, starting in lower case, without a full stop: {@code there is no incident INC-9}. */
    public String of(Refusal refusal) {
        if (refusal instanceof Refusal.TooLong tooLong) {
            return words.get(WordKey.REFUSAL_TOO_LONG, words.get(WordKey.text(tooLong.what())),
                    String.valueOf(tooLong.length()), String.valueOf(tooLong.limit()));
        }
        if (refusal instanceof Refusal.NoTargets) {
            return words.get(WordKey.REFUSAL_NO_TARGETS);
        }
        if (refusal instanceof Refusal.AlreadyInState already) {
            return words.get(WordKey.REFUSAL_ALREADY_IN_STATE, already.incident(),
                    words.get(WordKey.state(already.state())));
        }
        if (refusal instanceof Refusal.ResolvedCannotMove resolved) {
            return words.get(WordKey.REFUSAL_RESOLVED_CANNOT_MOVE, resolved.incident(),
                    words.get(WordKey.state(resolved.next())));
        }
        if (refusal instanceof Refusal.ResolvedNothingToAcknowledge resolved) {
            return words.get(WordKey.REFUSAL_RESOLVED_NOTHING_TO_ACKNOWLEDGE, resolved.incident());
        }
        if (refusal instanceof Refusal.AlreadyAcknowledged acknowledged) {
            return words.get(WordKey.REFUSAL_ALREADY_ACKNOWLEDGED, acknowledged.incident(), acknowledged.by().id());
        }
        if (refusal instanceof Refusal.ResolvedOpenANewOne resolved) {
            return words.get(WordKey.REFUSAL_RESOLVED_OPEN_A_NEW_ONE, resolved.incident());
        }
        if (refusal instanceof Refusal.AlreadyCovers covers) {
            return words.get(WordKey.REFUSAL_ALREADY_COVERS, covers.incident(), targets(covers.targets()));
        }
        if (refusal instanceof Refusal.UpdateNeedsText) {
            return words.get(WordKey.REFUSAL_UPDATE_NEEDS_TEXT);
        }
        if (refusal instanceof Refusal.TitleNeedsText) {
            return words.get(WordKey.REFUSAL_TITLE_NEEDS_TEXT);
        }
        if (refusal instanceof Refusal.AlreadyTitled titled) {
            return words.get(WordKey.REFUSAL_ALREADY_TITLED, titled.incident());
        }
        if (refusal instanceof Refusal.AlreadyOfKind kind) {
            return words.get(WordKey.REFUSAL_ALREADY_OF_KIND, kind.incident(), words.get(WordKey.kindWord(kind.kind())));
        }
        if (refusal instanceof Refusal.StillOpen open) {
            return words.get(WordKey.REFUSAL_STILL_OPEN, open.incident(), words.get(WordKey.state(open.state())));
        }
        if (refusal instanceof Refusal.ProviderAlreadyInIncident taken) {
            return words.get(WordKey.REFUSAL_PROVIDER_ALREADY_IN_INCIDENT, taken.incident(),
                    names.target(Target.provider(taken.provider())));
        }
        if (refusal instanceof Refusal.NoSuchIncident unknown) {
            return words.get(WordKey.REFUSAL_NO_SUCH_INCIDENT, unknown.incident());
        }
        if (refusal instanceof Refusal.NothingNamed) {
            return words.get(WordKey.REFUSAL_NOTHING_NAMED);
        }
        if (refusal instanceof Refusal.UnknownTargets unknown) {
            return words.get(WordKey.REFUSAL_UNKNOWN_TARGETS,
                    unknown.targets().stream().map(Target::id).collect(Collectors.joining(", ")));
        }
        if (refusal instanceof Refusal.UnknownTaskClass unknown) {
            return words.get(WordKey.REFUSAL_UNKNOWN_TASK_CLASS, unknown.taskClass().value());
        }
        if (refusal instanceof Refusal.UnknownModel unknown) {
            return words.get(WordKey.REFUSAL_UNKNOWN_MODEL, unknown.model().value());
        }
        if (refusal instanceof Refusal.AlreadyOverridden overridden) {
            return words.get(WordKey.REFUSAL_ALREADY_OVERRIDDEN, overridden.taskClass().value(),
                    overridden.override().map(this::override).orElseGet(() -> words.get(WordKey.REFUSAL_OVERRIDE_NONE)));
        }
        Refusal.NoOpenQuestion question = (Refusal.NoOpenQuestion) refusal;
        return words.get(WordKey.REFUSAL_NO_OPEN_QUESTION, question.taskClass().value(),
                question.state().map(state -> words.get(WordKey.routeState(state)))
                        .orElseGet(() -> words.get(WordKey.REFUSAL_NOT_ROUTED_YET)));
    }

    private String override(RouteOverride override) {
        return override instanceof RouteOverride.Pin pin ? words.get(WordKey.REFUSAL_OVERRIDE_PIN, pin.model().value())
                : words.get(WordKey.REFUSAL_OVERRIDE_STOP);
    }

    private String targets(List<Target> targets) {
        return targets.stream().map(target -> words.get(WordKey.target(target), target.id()))
                .collect(Collectors.joining(", "));
    }
}
