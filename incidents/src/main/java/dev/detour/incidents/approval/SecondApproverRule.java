package dev.detour.incidents.approval;

import dev.detour.incidents.catalog.PolicySettings;
import dev.detour.incidents.catalog.SecondApproverPolicy;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.preview.Preview;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which switch-offs wait for a second on-call member (docs/routing.md, "Two-person rule"): with
 * {@code second-approver: provider}, one by a person that names a whole provider, and, when
 * {@code second-approver-above: N} is set, one by a person whose preview moves or pauses more than N task classes.
 * Policies and signals are never held.
 */
public record SecondApproverRule(PolicySettings policy) {
    public SecondApproverRule {
        Objects.requireNonNull(policy, "policy");
    }

    /**
     * @param preview the switch-off's preview, asked for only when the count decides (empty: it changes nothing,
     *                or it is refused, which the change itself will say)
     */
    public boolean holds(List<Target> targets, Actor by, Supplier<Optional<Preview>> preview) {
        if (policy.secondApprover() != SecondApproverPolicy.PROVIDER || by.kind() != Actor.Kind.USER) {
            return false;
        }
        if (targets.stream().anyMatch(target -> target.fold(provider -> true, model -> false))) {
            return true;
        }
        if (policy.secondApproverAbove().isEmpty()) {
            return false;
        }
        int above = policy.secondApproverAbove().getAsInt();
        return preview.get().map(effect -> effect.changed().size() > above).orElse(false);
    }
}
