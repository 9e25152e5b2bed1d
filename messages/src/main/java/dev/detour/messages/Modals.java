package dev.detour.messages;

import com.slack.api.model.block.composition.OptionGroupObject;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.Model;
import dev.detour.incidents.catalog.Provider;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.TextLimits;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.optionGroup;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.multiStaticSelect;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/** The modals on-call fills in: declare an incident, post an update, resolve with a summary. */
public final class Modals {
    private final Catalog catalog;

    public Modals(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Targets come from the catalog: each provider, then its models, grouped by provider. */
    public View declare() {
        List<OptionGroupObject> groups = new ArrayList<>();
        int options = 0;
        for (Provider provider : catalog.providers()) {
            List<OptionObject> choices = new ArrayList<>();
            choices.add(option(plainText(Limits.clip("All of " + provider.name(), Limits.OPTION_TEXT)),
                    "provider:" + provider.id()));
            for (Model model : provider.models()) {
                choices.add(option(plainText(Limits.clip(model.name(), Limits.OPTION_TEXT)), "model:" + model.id()));
            }
            // Slack takes at most 100 options in all; a larger catalog is declared with /detour declare <ids>.
            List<OptionObject> fitting = choices.subList(0, Math.min(choices.size(), Limits.OPTIONS - options));
            if (fitting.isEmpty()) {
                break;
            }
            options += fitting.size();
            groups.add(optionGroup(g -> g.label(plainText(Limits.clip(provider.name(), Limits.OPTION_TEXT))).options(fitting)));
        }
        List<OptionObject> kinds = new ArrayList<>();
        for (IncidentKind kind : IncidentKind.values()) {
            kinds.add(option(plainText(kind.word()), kind.word()));
        }
        return view(v -> v.type("modal").callbackId(Interactions.DECLARE_MODAL)
                .title(viewTitle(t -> t.type("plain_text").text("Declare incident")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Declare")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(
                        input(i -> i.blockId(Interactions.TARGETS_INPUT).label(plainText("Affected providers and models"))
                                .element(multiStaticSelect(m -> m.actionId(Interactions.TARGETS_INPUT)
                                        .placeholder(plainText("Choose…")).optionGroups(groups)))),
                        input(i -> i.blockId(Interactions.KIND_INPUT).label(plainText("Kind"))
                                .element(staticSelect(s -> s.actionId(Interactions.KIND_INPUT)
                                        .initialOption(kinds.get(0)).options(kinds)))),
                        input(i -> i.blockId(Interactions.REASON_INPUT).label(plainText("What is happening"))
                                .element(plainTextInput(p -> p.actionId(Interactions.REASON_INPUT)
                                        .maxLength(TextLimits.TITLE)
                                        .placeholder(plainText("e.g. elevated 529s from Claude Opus 4.8"))))))));
    }

    public View postUpdate(IncidentId incident) {
        return textModal(Interactions.UPDATE_MODAL, incident, "Post update", "Post",
                Interactions.UPDATE_INPUT, "Update for on-call and support", false);
    }

    public View resolve(IncidentId incident) {
        return textModal(Interactions.RESOLVE_MODAL, incident, "Resolve " + incident, "Resolve",
                Interactions.SUMMARY_INPUT, "Summary: what happened, what was done", true);
    }

    private static View textModal(String callbackId, IncidentId incident, String title, String submit, String input,
                                  String label, boolean optional) {
        return view(v -> v.type("modal").callbackId(callbackId).privateMetadata(incident.toString())
                .title(viewTitle(t -> t.type("plain_text").text(Limits.clip(title, 24))))
                .submit(viewSubmit(s -> s.type("plain_text").text(submit)))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(
                        section(s -> s.text(markdownText("*" + incident + "*"))),
                        input(i -> i.blockId(input).label(plainText(label)).optional(optional)
                                .element(plainTextInput(p -> p.actionId(input).multiline(true)
                                        .maxLength(TextLimits.TEXT)))))));
    }
}
