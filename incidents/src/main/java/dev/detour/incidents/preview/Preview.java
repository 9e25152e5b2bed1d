package dev.detour.incidents.preview;

import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.routing.RouteState;
import dev.detour.incidents.support.SupportPostKind;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The complete effect of a proposed change, computed without making it (docs/routing.md, "Preview").
 *
 * @param version     the {@link RoutingSnapshot#version()} it was computed from: applying it later is right only
 *                    while the state still has this version
 * @param taskClasses every task class of the catalog, in catalog order, before and after
 * @param questions   the fallback questions the change makes Detour ask
 * @param flags       the flags whose value moves, in key order
 * @param switchedOff for a disable, every model it switches off that was usable before, with its health
 * @param narrower    for a provider-wide disable that would switch off healthy models along with failing ones: the
 *                    same disable of only the failing models (and the models named one by one)
 * @param unblockable for a disable: deployments of the models it switches off that a push sink cannot block (a
 *                    LiteLLM deployment from its config.yaml, or one its key may not block), as the sink learned
 */
public record Preview(ProposedChange change, String version, List<TaskClassEffect> taskClasses,
                      List<QuestionEffect> questions, List<FlagChange> flags, List<SwitchedOffModel> switchedOff,
                      Optional<ProposedChange.Disable> narrower, List<UnblockableDeployment> unblockable) {
    public Preview {
        unblockable = List.copyOf(unblockable);
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(version, "version");
        taskClasses = List.copyOf(taskClasses);
        questions = List.copyOf(questions);
        flags = List.copyOf(flags);
        switchedOff = List.copyOf(switchedOff);
        Objects.requireNonNull(narrower, "narrower");
    }

    /** Without what push sinks cannot block: as {@link ChangePreview} computes it. */
    public Preview(ProposedChange change, String version, List<TaskClassEffect> taskClasses,
                   List<QuestionEffect> questions, List<FlagChange> flags, List<SwitchedOffModel> switchedOff,
                   Optional<ProposedChange.Disable> narrower) {
        this(change, version, taskClasses, questions, flags, switchedOff, narrower, List.of());
    }

    /** This preview with the deployments push sinks cannot block. */
    public Preview withUnblockable(List<UnblockableDeployment> deployments) {
        return new Preview(change, version, taskClasses, questions, flags, switchedOff, narrower, deployments);
    }

    /** The task classes the change pauses: served before, served by nothing after. */
    public List<TaskClassId> paused() {
        return taskClasses.stream().filter(TaskClassEffect::paused).map(TaskClassEffect::taskClass).toList();
    }

    /** The task classes whose route the change moves. */
    public List<TaskClassEffect> changed() {
        return taskClasses.stream().filter(TaskClassEffect::changed).toList();
    }

    /** Models with enough healthy traffic the change would switch off along with failing ones. */
    public List<SwitchedOffModel> healthySwitchedOff() {
        return switchedOff.stream().filter(model -> model.health() == ModelHealthVerdict.HEALTHY).toList();
    }

    /**
     * The post support staff would get (docs/routing.md, "Preview"), as the support posts decide it: a status post
     * when the change moves a route and some task class is off its usual model after it; the all-clear when it
     * brings the last of them back; none when no route moves. A disable always belongs to an incident; an enable,
     * route override or answer only posts inside an open one.
     */
    public Optional<SupportPostKind> supportPost() {
        if (changed().isEmpty()) {
            return Optional.empty();
        }
        boolean affectedAfter = taskClasses.stream().anyMatch(effect -> effect.stateAfter() != RouteState.PRIMARY);
        if (affectedAfter) {
            return Optional.of(SupportPostKind.STATUS);
        }
        boolean backToPrimary = changed().stream().anyMatch(effect -> effect.stateBefore()
                .filter(state -> state != RouteState.PRIMARY).isPresent());
        return backToPrimary ? Optional.of(SupportPostKind.ALL_CLEAR) : Optional.empty();
    }

    /** Nothing would change: no route, no flag. */
    public boolean changesNothing() {
        return flags.isEmpty() && changed().isEmpty();
    }
}
