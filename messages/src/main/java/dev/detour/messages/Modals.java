package dev.detour.messages;

import com.slack.api.model.block.composition.OptionGroupObject;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.Model;
import dev.detour.incidents.catalog.Provider;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.TextLimits;
import dev.detour.incidents.incident.UpdateText;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    /** Slack's limit for a modal's title and its buttons; clipped, since a translation may be longer. */
    private static final int TITLE = 24;
    /** Slack's limit for an input's hint. */
    private static final int HINT = 2000;

    private final Catalog catalog;
    private final Wording words;

    public Modals(Catalog catalog, Wording words) {
        this.catalog = catalog;
        this.words = words;
    }

    /** Targets come from the catalog: each provider, then its models, grouped by provider. */
    public View declare() {
        List<OptionGroupObject> groups = new ArrayList<>();
        int options = 0;
        for (Provider provider : catalog.providers()) {
            List<OptionObject> choices = new ArrayList<>();
            String all = words.get(WordKey.MODAL_DECLARE_ALL_OF, provider.name());
            choices.add(option(plainText(Limits.clip(all, Limits.OPTION_TEXT)), "provider:" + provider.id()));
            for (Model model : provider.models()) {
                choices.add(option(plainText(Limits.clip(model.name(), Limits.OPTION_TEXT)), "model:" + model.id()));
            }
            // Slack takes at most 100 options in all; a larger catalog is declared with /detour declare <ids>.
            List<OptionObject> fitting = choices.subList(0, Math.min(choices.size(), Limits.OPTIONS - options));
            if (fitting.isEmpty()) {
                break;
            }
            options += fitting.size();
            groups.add(optionGroup(g -> g.label(plainText(Limits.clip(provider.name(), Limits.OPTION_TEXT)))
                    .options(fitting)));
        }
        List<OptionObject> kinds = new ArrayList<>();
        for (IncidentKind kind : IncidentKind.values()) {
            kinds.add(option(plainText(words.get(WordKey.kindWord(kind))), kind.word()));
        }
        return view(v -> v.type("modal").callbackId(Interactions.DECLARE_MODAL)
                .title(title(words.get(WordKey.MODAL_DECLARE_TITLE)))
                .submit(submit(words.get(WordKey.MODAL_DECLARE_SUBMIT)))
                .close(cancel())
                .blocks(List.of(
                        input(i -> i.blockId(Interactions.TARGETS_INPUT)
                                .label(plainText(words.get(WordKey.MODAL_DECLARE_TARGETS)))
                                .element(multiStaticSelect(m -> m.actionId(Interactions.TARGETS_INPUT)
                                        .placeholder(plainText(words.get(WordKey.MODAL_DECLARE_TARGETS_PLACEHOLDER)))
                                        .optionGroups(groups)))),
                        input(i -> i.blockId(Interactions.KIND_INPUT).label(plainText(words.get(WordKey.MODAL_DECLARE_KIND)))
                                .element(staticSelect(s -> s.actionId(Interactions.KIND_INPUT)
                                        .initialOption(kinds.get(0)).options(kinds)))),
                        input(i -> i.blockId(Interactions.REASON_INPUT)
                                .label(plainText(words.get(WordKey.MODAL_DECLARE_REASON)))
                                .element(plainTextInput(p -> p.actionId(Interactions.REASON_INPUT)
                                        .maxLength(TextLimits.TITLE)
                                        .placeholder(plainText(words.get(WordKey.MODAL_DECLARE_REASON_PLACEHOLDER)))))))));
    }

    /** The update form: a text for the incident's thread and, optionally, one for customers. */
    public View postUpdate(IncidentId incident) {
        return updateForm(incident, incident.toString(), new UpdateText("", ""), Optional.empty());
    }

    /**
     * The update form again as it was filled in, with the exact text customers will read ({@link CustomerText}):
     * posting it unchanged confirms it; the form's private metadata carries the text's fingerprint for that.
     *
     * @param changed whether an earlier preview no longer matched what was typed
     */
    public View postUpdatePreview(IncidentId incident, UpdateText typed, boolean changed) {
        String customersRead = CustomerText.of(typed.customer());
        return updateForm(incident, incident + " " + CustomerText.fingerprint(customersRead), typed,
                Optional.of((changed ? words.get(WordKey.MODAL_UPDATE_PREVIEW_CHANGED) + "\n" : "")
                        + words.get(WordKey.MODAL_UPDATE_PREVIEW, SlackText.quoted(SlackText.escape(customersRead,
                        Limits.room(Limits.SECTION_TEXT, words.get(WordKey.MODAL_UPDATE_PREVIEW_CHANGED)
                                + words.get(WordKey.MODAL_UPDATE_PREVIEW, "")))))));
    }

    private View updateForm(IncidentId incident, String metadata, UpdateText typed, Optional<String> preview) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText("*" + incident + "*"))));
        blocks.add(input(i -> i.blockId(Interactions.UPDATE_INPUT).optional(true)
                .label(plainText(words.get(WordKey.MODAL_UPDATE_LABEL)))
                .element(plainTextInput(p -> withInitial(p.actionId(Interactions.UPDATE_INPUT).multiline(true)
                        .maxLength(TextLimits.TEXT), typed.internal())))));
        blocks.add(input(i -> i.blockId(Interactions.UPDATE_PUBLIC_INPUT).optional(true)
                .label(plainText(words.get(WordKey.MODAL_UPDATE_PUBLIC)))
                .hint(plainText(Limits.clip(words.get(WordKey.MODAL_UPDATE_PUBLIC_HINT), HINT)))
                .element(plainTextInput(p -> withInitial(p.actionId(Interactions.UPDATE_PUBLIC_INPUT).multiline(true)
                        .maxLength(TextLimits.TEXT), typed.customer())))));
        preview.ifPresent(text -> blocks.add(section(s -> s.text(markdownText(text)))));
        return view(v -> v.type("modal").callbackId(Interactions.UPDATE_MODAL).privateMetadata(metadata)
                .title(title(words.get(WordKey.MODAL_UPDATE_TITLE)))
                .submit(submit(words.get(WordKey.MODAL_UPDATE_SUBMIT)))
                .close(cancel())
                .blocks(blocks));
    }

    private static PlainTextInputElement.PlainTextInputElementBuilder withInitial(
            PlainTextInputElement.PlainTextInputElementBuilder input, String text) {
        return text.isEmpty() ? input : input.initialValue(text);
    }

    /**
     * The summary, the text for customers (what support and the status page read; a plain default without it), the
     * cause and the follow-ups (one a line: what, @owner, due date), each optional.
     */
    public View resolve(IncidentId incident) {
        return view(v -> v.type("modal").callbackId(Interactions.RESOLVE_MODAL).privateMetadata(incident.toString())
                .title(title(words.get(WordKey.MODAL_RESOLVE_TITLE, incident.toString())))
                .submit(submit(words.get(WordKey.MODAL_RESOLVE_SUBMIT)))
                .close(cancel())
                .blocks(List.of(
                        section(s -> s.text(markdownText("*" + incident + "*"))),
                        textInput(Interactions.SUMMARY_INPUT, words.get(WordKey.MODAL_RESOLVE_LABEL), true,
                                Optional.empty()),
                        input(i -> i.blockId(Interactions.RESOLVE_PUBLIC_INPUT).optional(true)
                                .label(plainText(words.get(WordKey.MODAL_RESOLVE_PUBLIC)))
                                .hint(plainText(Limits.clip(words.get(WordKey.MODAL_RESOLVE_PUBLIC_HINT), HINT)))
                                .element(plainTextInput(p -> p.actionId(Interactions.RESOLVE_PUBLIC_INPUT)
                                        .multiline(true).maxLength(TextLimits.TEXT)))),
                        textInput(Interactions.CAUSE_INPUT, words.get(WordKey.MODAL_RESOLVE_CAUSE), false,
                                Optional.empty()),
                        textInput(Interactions.FOLLOW_UPS_INPUT, words.get(WordKey.MODAL_RESOLVE_FOLLOW_UPS), true,
                                Optional.of(words.get(WordKey.MODAL_RESOLVE_FOLLOW_UPS_PLACEHOLDER))))));
    }

    private static LayoutBlock textInput(String input, String label, boolean multiline, Optional<String> placeholder) {
        return input(i -> i.blockId(input).label(plainText(label)).optional(true)
                .element(plainTextInput(p -> {
                    p.actionId(input).multiline(multiline).maxLength(TextLimits.TEXT);
                    placeholder.ifPresent(text -> p.placeholder(plainText(Limits.clip(text, 150))));
                    return p;
                })));
    }

    private static ViewTitle title(String text) {
        return viewTitle(t -> t.type("plain_text").text(Limits.clip(text, TITLE)));
    }

    private static ViewSubmit submit(String text) {
        return viewSubmit(s -> s.type("plain_text").text(Limits.clip(text, TITLE)));
    }

    private ViewClose cancel() {
        return viewClose(c -> c.type("plain_text").text(Limits.clip(words.get(WordKey.MODAL_CANCEL), TITLE)));
    }
}
