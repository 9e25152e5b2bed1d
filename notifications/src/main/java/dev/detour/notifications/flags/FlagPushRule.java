package dev.detour.notifications.flags;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.DetourConfig;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Sink;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.flags.Flag;
import dev.detour.incidents.flags.FlagSet;
import dev.detour.incidents.flags.FlagSplit;
import dev.detour.incidents.outbox.Once;
import dev.detour.incidents.outbox.OutboxDraft;
import dev.detour.incidents.outbox.OutboxRule;
import dev.detour.incidents.queries.CurrentFlags;
import dev.detour.incidents.queries.StatusService;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A change that moves any flag becomes one outbox row per push sink, in the change's own transaction: the
 * changed flags (and all flags) with the incident for a webhook, the whole flag document for a flagd file.
 * A row is unique per change and flags after it: events of one change that end in the same flags make one row,
 * and rows of one change share its {@code batch}, so the dispatcher sends only the last of them (its diff, taken
 * against the flags before the change, covers the whole change).
 */
@Singleton
public class FlagPushRule implements OutboxRule {
    private final List<Sink> sinks;
    // Providers: the status services need the outbox, which needs this rule.
    private final Provider<StatusService> status;
    private final Catalog catalog;
    private final Provider<CurrentFlags> committed;

    public FlagPushRule(DetourConfig config, Provider<StatusService> status, Catalog catalog,
                        Provider<CurrentFlags> committed) {
        this.sinks = config.sinks();
        this.status = status;
        this.catalog = catalog;
        this.committed = committed;
    }

    @Override
    public List<OutboxDraft> draftsFor(DetourEvent event) {
        if (sinks.isEmpty() || event instanceof DetourEvent.SignalReceived) {
            return List.of();
        }
        FlagSet before = committed.get().get();
        FlagSet after = FlagSet.of(status.get().current(), catalog); // this transaction's view, change included
        List<Flag> changed = after.changedSince(Optional.of(before));
        if (changed.isEmpty()) {
            return List.of();
        }
        Once once = Once.perChange(after.etag());
        List<OutboxDraft> drafts = new ArrayList<>();
        for (Sink sink : sinks) {
            if (sink instanceof Sink.Webhook) {
                drafts.add(new OutboxDraft(FlagPushKind.WEBHOOK, sink.name(), once,
                        FlagDocuments.webhookBody(event, after, changed), event.incident()));
            } else if (sink instanceof Sink.LiteLlm proxy) {
                liteLlmChange(proxy, event, changed, before).ifPresent(change -> drafts.add(new OutboxDraft(
                        FlagPushKind.LITELLM, sink.name(), once, change.toJson(), event.incident())));
            } else {
                drafts.add(new OutboxDraft(FlagPushKind.FLAGD_FILE, sink.name(), once, FlagDocuments.flagd(after),
                        event.incident()));
            }
        }
        return drafts;
    }

    /**
     * The mapped models whose {@code model.<id>.enabled} flag moved: off blocks their deployments, on unblocks.
     * LiteLLM has no share of traffic: while a model ramps back its deployments stay blocked until the ramp's share
     * reaches the sink's {@code unblock-at} (docs/flags.md, "LiteLLM proxy sink"). A ramp's step that leaves the
     * deployments as they are writes nothing, but the ramp's start does, so the thread says they stay blocked.
     */
    private static Optional<LiteLlmChange> liteLlmChange(Sink.LiteLlm sink, DetourEvent event, List<Flag> changed,
                                                         FlagSet before) {
        List<LiteLlmChange.ModelState> models = new ArrayList<>();
        for (Flag flag : changed) {
            sink.models().keySet().stream()
                    .filter(model -> flag.key().equals("model." + model.value() + ".enabled"))
                    .findFirst()
                    .flatMap(model -> modelState(sink, model, before.get(flag.key()), flag))
                    .ifPresent(models::add);
        }
        return models.isEmpty() ? Optional.empty()
                : Optional.of(new LiteLlmChange(event.actor().toString(), models));
    }

    private static Optional<LiteLlmChange.ModelState> modelState(Sink.LiteLlm sink, ModelId model,
                                                                 Optional<Flag> before, Flag after) {
        Optional<Integer> ramp = after.split().map(FlagSplit::percent);
        boolean blocked = blocked(sink, after);
        boolean rampedBefore = before.flatMap(Flag::split).isPresent();
        if (!rampedBefore && ramp.isEmpty()) {
            return Optional.of(new LiteLlmChange.ModelState(model, blocked)); // no ramp: every move, as ever
        }
        boolean moved = before.map(flag -> blocked(sink, flag) != blocked).orElse(true);
        boolean rampStarts = !rampedBefore && ramp.isPresent();
        return moved || rampStarts ? Optional.of(new LiteLlmChange.ModelState(model, blocked, ramp))
                : Optional.empty();
    }

    private static boolean blocked(Sink.LiteLlm sink, Flag flag) {
        if (Boolean.TRUE.equals(flag.value())) {
            return false;
        }
        return flag.split().map(split -> !sink.unblocksAt(split.percent())).orElse(true);
    }
}
