package dev.detour.messages;

import dev.detour.incidents.incident.IncidentId;

import java.time.Duration;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * A reminder in the incident's thread: users are affected and support has heard nothing for a while. Its button
 * opens the same "post update" modal as the root message's.
 */
public final class UpdateNudge {
    private final Wording words;

    public UpdateNudge(Wording words) {
        this.words = words;
    }

    public SlackMessage render(IncidentId incident, Duration silence) {
        String text = ":hourglass: " + words.get(WordKey.NUDGE_TEXT, words.duration(silence));
        return new SlackMessage(text, List.of(
                section(s -> s.text(markdownText(text))),
                actions(a -> a.elements(List.of(button(b -> b.actionId(Interactions.POST_UPDATE)
                        .text(plainText(words.get(WordKey.NUDGE_BUTTON))).value(incident.toString())))))));
    }
}
