package dev.detour.messages;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.preview.FlagChange;
import dev.detour.incidents.preview.ModelEvidence;
import dev.detour.incidents.preview.Preview;
import dev.detour.incidents.preview.ProposedChange;
import dev.detour.incidents.preview.QuestionEffect;
import dev.detour.incidents.preview.SwitchedOffModel;
import dev.detour.incidents.preview.TaskClassEffect;
import dev.detour.incidents.preview.UnblockableDeployment;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteOverride;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * A change's preview for the person who asked ({@code --dry-run}, docs/slack.md): every task class that moves,
 * the classes it pauses, the questions it asks, the models it switches off with the evidence about each, a
 * narrower scope when healthy models would go with failing ones, the support post it would make, and the flags
 * that change.
 */
public final class ChangePreviewMessage {
    private final Names names;
    private final Wording words;
    private final SupportPost support;

    public ChangePreviewMessage(Names names, Wording words) {
        this.names = names;
        this.words = words;
        this.support = new SupportPost(names, words);
    }

    /** The dry run's answer: nothing changes. */
    public SlackMessage render(Preview preview) {
        String change = change(preview.change());
        List<LayoutBlock> blocks = body(preview, WordKey.PREVIEW_HEADER);
        blocks.add(context(c -> c.elements(List.of(markdownText(words.get(WordKey.PREVIEW_FOOTER))))));
        return new SlackMessage(words.get(WordKey.PREVIEW_TEXT, SlackMarkup.plain(change)), blocks);
    }

    /**
     * A switch-off that asks first (docs/slack.md, "Confirm first"): the preview with Confirm, Disable only the
     * failing models when the evidence offers that, and Cancel.
     *
     * @param reason the reason given with the command, carried by the buttons
     * @param moved  whether this replaces a preview the state moved away from
     */
    public SlackMessage confirmation(Preview preview, Optional<String> reason, boolean moved) {
        return confirmation(preview, reason, moved, false);
    }

    /**
     * @param secondApprover whether Confirm asks a second on-call member to approve instead of applying
     *                       (docs/routing.md, "Two-person rule"): one plain line says so
     */
    public SlackMessage confirmation(Preview preview, Optional<String> reason, boolean moved, boolean secondApprover) {
        ProposedChange.Disable disable = (ProposedChange.Disable) preview.change();
        String change = change(disable);
        List<LayoutBlock> blocks = new ArrayList<>();
        if (moved) {
            blocks.add(section(s -> s.text(markdownText(words.get(WordKey.PREVIEW_CONFIRM_MOVED)))));
        }
        blocks.addAll(body(preview, WordKey.PREVIEW_CONFIRM_HEADER));
        if (secondApprover) {
            // A whole provider, or (second-approver-above) more task classes than the policy lets one person move.
            boolean provider = disable.targets().stream().anyMatch(target -> target.fold(p -> true, m -> false));
            String line = provider ? words.get(WordKey.PREVIEW_SECOND_APPROVER)
                    : words.get(WordKey.PREVIEW_SECOND_APPROVER_CLASSES, String.valueOf(preview.changed().size()));
            blocks.add(section(s -> s.text(markdownText(line))));
        }
        blocks.add(context(c -> c.elements(List.of(markdownText(words.get(WordKey.PREVIEW_CONFIRM_FOOTER))))));
        List<BlockElement> buttons = new ArrayList<>();
        // Each button also carries the other scope offered, so the manager summary can say which was chosen.
        buttons.add(button(b -> b.actionId(Interactions.CONFIRM).style("danger")
                .text(plainText(words.get(WordKey.PREVIEW_BUTTON_CONFIRM)))
                .value(new PreviewedDisable(disable.targets(), preview.version(), reason, Optional.of(preview
                        .narrower().map(ProposedChange.Disable::targets).orElse(List.of()))).value())));
        preview.narrower().ifPresent(narrower -> buttons.add(button(b -> b.actionId(Interactions.CONFIRM_NARROWER)
                .style("primary").text(plainText(Limits.clip(words.get(WordKey.PREVIEW_BUTTON_NARROWER),
                        Limits.BUTTON_TEXT)))
                .value(new PreviewedDisable(narrower.targets(), preview.version(), reason,
                        Optional.of(disable.targets())).value()))));
        buttons.add(button(b -> b.actionId(Interactions.CANCEL)
                .text(plainText(words.get(WordKey.PREVIEW_BUTTON_CANCEL))).value("cancel")));
        blocks.add(actions(a -> a.elements(buttons)));
        return new SlackMessage(words.get(WordKey.PREVIEW_CONFIRM_TEXT, SlackMarkup.plain(change)), blocks);
    }

    /** The preview's blocks under {@code heading}: also the body of a request for approval ({@link ApprovalMessage}). */
    List<LayoutBlock> body(Preview preview, WordKey heading) {
        String change = change(preview.change());
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(words.get(heading)))));
        blocks.add(section(s -> s.text(markdownText(Limits.clip(change, Limits.SECTION_TEXT)))));
        if (preview.changesNothing()) {
            blocks.add(section(s -> s.text(markdownText(words.get(WordKey.PREVIEW_NOTHING)))));
        } else {
            blocks.add(list(WordKey.PREVIEW_TASK_CLASSES, taskClasses(preview)));
        }
        if (!preview.paused().isEmpty()) {
            String paused = words.get(WordKey.PREVIEW_PAUSED, Limits.joined(preview.paused().stream()
                    .map(names::taskClass).toList(), ", ", Limits.SECTION_TEXT - 40));
            blocks.add(section(s -> s.text(markdownText(paused))));
        }
        if (!preview.questions().isEmpty()) {
            blocks.add(list(WordKey.PREVIEW_QUESTIONS, preview.questions().stream().map(this::question).toList()));
        }
        if (!preview.switchedOff().isEmpty()) {
            blocks.add(list(WordKey.PREVIEW_SWITCHED_OFF, preview.switchedOff().stream().map(this::model).toList()));
        }
        if (!preview.unblockable().isEmpty()) {
            blocks.add(list(WordKey.PREVIEW_UNBLOCKABLE, preview.unblockable().stream().map(this::unblockable)
                    .toList()));
        }
        if (!preview.healthySwitchedOff().isEmpty() && preview.switchedOff().size() > preview.healthySwitchedOff().size()) {
            String warning = words.get(WordKey.PREVIEW_HEALTHY_WARNING, String.valueOf(preview.healthySwitchedOff().size()),
                    Limits.joined(preview.healthySwitchedOff().stream().map(model -> names.model(model.model())).toList(),
                            ", ", Limits.SECTION_TEXT / 2));
            blocks.add(section(s -> s.text(markdownText(warning))));
        }
        preview.narrower().ifPresent(narrower -> {
            String failing = Limits.joined(narrower.targets().stream().map(names::target).toList(), ", ",
                    Limits.SECTION_TEXT / 3);
            String command = Limits.clip("/detour disable " + narrower.targets().stream().map(Target::id)
                    .collect(Collectors.joining(" ")), Limits.SECTION_TEXT / 2);
            blocks.add(section(s -> s.text(markdownText(words.get(WordKey.PREVIEW_NARROWER, failing, command)))));
        });
        List<String> supportPost = support.previewed(preview);
        if (!supportPost.isEmpty()) {
            // The post's own words, quoted as support would read them.
            String quoted = "*" + words.get(WordKey.PREVIEW_SUPPORT_POST) + "*\n" + Limits.lines(supportPost.stream()
                    .map(line -> "> " + line).toList(), Limits.SECTION_TEXT - 60);
            blocks.add(section(s -> s.text(markdownText(quoted))));
        }
        if (!preview.flags().isEmpty()) {
            blocks.add(list(WordKey.PREVIEW_FLAGS, preview.flags().stream().map(ChangePreviewMessage::flag).toList()));
        }
        return blocks;
    }

    String change(ProposedChange change) {
        if (change instanceof ProposedChange.Disable disable) {
            return words.get(WordKey.PREVIEW_DISABLE, targets(disable.targets()));
        } else if (change instanceof ProposedChange.Enable enable) {
            return words.get(WordKey.PREVIEW_ENABLE, targets(enable.targets()));
        } else if (change instanceof ProposedChange.Reroute reroute) {
            String taskClass = names.taskClass(reroute.taskClass());
            if (reroute.override().isEmpty()) {
                return words.get(WordKey.PREVIEW_ROUTE_AUTO, taskClass);
            }
            return reroute.override().get() instanceof RouteOverride.Pin pin
                    ? words.get(WordKey.PREVIEW_ROUTE_PIN, taskClass, names.model(pin.model()))
                    : words.get(WordKey.PREVIEW_ROUTE_STOP, taskClass);
        }
        ProposedChange.Answer answer = (ProposedChange.Answer) change;
        return words.get(WordKey.PREVIEW_ANSWER, names.taskClass(answer.taskClass()),
                words.get(WordKey.answer(answer.answer())));
    }

    private String targets(List<Target> targets) {
        return Limits.joined(targets.stream().map(names::target).toList(), ", ", Limits.SECTION_TEXT / 2);
    }

    private List<String> taskClasses(Preview preview) {
        List<String> lines = new ArrayList<>();
        List<TaskClassEffect> changed = preview.changed();
        for (TaskClassEffect effect : changed) {
            String before = effect.before().map(this::route).orElse(words.get(WordKey.PREVIEW_ROUTE_NONE));
            lines.add(words.get(effect.paused() ? WordKey.PREVIEW_TASK_CLASS_PAUSED : WordKey.PREVIEW_TASK_CLASS,
                    names.taskClass(effect.taskClass()), before, route(effect.after())));
        }
        int unchanged = preview.taskClasses().size() - changed.size();
        if (unchanged > 0) {
            lines.add(words.get(WordKey.PREVIEW_UNCHANGED, String.valueOf(unchanged)));
        }
        return lines;
    }

    private String route(Route route) {
        return names.route(route, words);
    }

    /** {@code LiteLLM (gateway) cannot block `opus-48-eu` (Claude Opus 4.8: defined in LiteLLM's config.yaml) ...} */
    String unblockable(UnblockableDeployment deployment) {
        return words.get(deployment.reason() == UnblockableDeployment.Reason.CONFIG_BASED
                        ? WordKey.PREVIEW_UNBLOCKABLE_CONFIG_BASED : WordKey.PREVIEW_UNBLOCKABLE_NOT_ALLOWED,
                SlackText.escape(deployment.sink(), 100), SlackText.escape(deployment.deployment(), 200)
                        .replace("`", "'"), names.model(deployment.model()));
    }

    private String question(QuestionEffect question) {
        return words.get(WordKey.PREVIEW_QUESTION, names.taskClass(question.taskClass()),
                names.model(question.offered()), words.duration(question.timeout()),
                words.get(WordKey.answer(question.onTimeout())));
    }

    /** {@code • Claude Opus 4.8: *failing* · 30.0% errors over 40 requests in the last 1m}: also in a decision reply. */
    String model(SwitchedOffModel model) {
        List<String> evidence = new ArrayList<>();
        model.gateway().ifPresent(traffic -> evidence.add(gateway(traffic)));
        if (!model.firing().isEmpty()) {
            evidence.add(words.get(WordKey.PREVIEW_EVIDENCE_FIRING, model.firing().stream()
                    .map(source -> "`" + SlackText.escape(source, 80) + "`").collect(Collectors.joining(", "))));
        }
        String said = evidence.isEmpty() ? words.get(WordKey.PREVIEW_EVIDENCE_NONE) : String.join("; ", evidence);
        WordKey key = switch (model.health()) {
            case FAILING -> WordKey.PREVIEW_MODEL_FAILING;
            case HEALTHY -> WordKey.PREVIEW_MODEL_HEALTHY;
            case UNKNOWN -> WordKey.PREVIEW_MODEL_UNKNOWN;
        };
        return words.get(key, names.model(model.model()), said);
    }

    private String gateway(ModelEvidence.Traffic traffic) {
        return words.get(WordKey.PREVIEW_EVIDENCE_GATEWAY, String.format(Locale.ROOT, "%.1f", 100 * traffic.errorRate()),
                String.format(Locale.ROOT, "%,d", traffic.requests()), words.duration(traffic.window()));
    }

    static String flag(FlagChange flag) {
        return "• `" + flag.key() + "`: " + flag.before() + " → " + flag.after();
    }

    /** A bold heading over one line per item. */
    private LayoutBlock list(WordKey heading, List<String> lines) {
        String text = "*" + words.get(heading) + "*\n" + Limits.lines(lines, Limits.SECTION_TEXT - 60);
        return section(s -> s.text(markdownText(text)));
    }
}
