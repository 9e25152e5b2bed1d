package dev.detour.messages;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ButtonElement;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * A message as Slack shows it: Block Kit blocks and the plain {@code text} that notifications and screen
 * readers use instead.
 */
public record SlackMessage(String text, List<LayoutBlock> blocks) {
    public SlackMessage {
        Objects.requireNonNull(text, "text");
        blocks = List.copyOf(blocks);
        if (blocks.size() > Limits.MESSAGE_BLOCKS) {
            throw new IllegalArgumentException(blocks.size() + " blocks; Slack takes " + Limits.MESSAGE_BLOCKS);
        }
    }

    /** One section of mrkdwn, the text as its own fallback. */
    public static SlackMessage plain(String mrkdwn) {
        String clipped = Limits.clip(mrkdwn, Limits.SECTION_TEXT);
        return new SlackMessage(clipped, List.of(section(s -> s.text(markdownText(clipped)))));
    }

    /** The value of its button with {@code actionId}, as Slack sends it back when the button is pressed. */
    public Optional<String> buttonValue(String actionId) {
        return blocks.stream().filter(ActionsBlock.class::isInstance).map(ActionsBlock.class::cast)
                .flatMap(block -> block.getElements().stream()).filter(ButtonElement.class::isInstance)
                .map(ButtonElement.class::cast).filter(button -> actionId.equals(button.getActionId()))
                .map(ButtonElement::getValue).findFirst();
    }
}
