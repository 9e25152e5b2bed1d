package dev.detour.messages;

import com.slack.api.model.block.LayoutBlock;
import dev.detour.incidents.approval.Approval;
import dev.detour.incidents.preview.Preview;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * The two-person rule in the incident's thread (docs/routing.md, "Two-person rule"): a request for approval with
 * its preview and the Approve and Apply now buttons; an emergency apply with its preview and a Review button; and
 * the one line each becomes once settled (edited in place, no button left).
 */
public final class ApprovalMessage {
    private final Names names;
    private final Wording words;
    private final ChangePreviewMessage previews;

    public ApprovalMessage(Names names, Wording words) {
        this.names = names;
        this.words = words;
        this.previews = new ChangePreviewMessage(names, words);
    }

    /** A request just made (or an emergency apply just made), with the preview of the change. */
    public SlackMessage opened(Approval approval, Preview preview, Instant now) {
        boolean request = approval.kind() == Approval.Kind.REQUEST;
        String who = Names.actor(approval.requestedBy());
        String what = targets(approval);
        List<LayoutBlock> blocks = new ArrayList<>(previews.body(preview,
                request ? WordKey.APPROVAL_HEADER : WordKey.EMERGENCY_HEADER));
        String asks = request ? words.get(WordKey.APPROVAL_ASKS, who, what, SlackTime.slack(approval.expiresAt(), now))
                : words.get(WordKey.EMERGENCY_ASKS, who, what, SlackTime.slack(approval.requestedAt(), now));
        blocks.add(1, section(s -> s.text(markdownText(Limits.clip(asks, Limits.SECTION_TEXT)))));
        String value = Long.toString(approval.id());
        if (request) {
            blocks.add(actions(a -> a.elements(List.of(
                    button(b -> b.actionId(Interactions.APPROVE).style("primary")
                            .text(plainText(words.get(WordKey.APPROVAL_BUTTON_APPROVE))).value(value)),
                    button(b -> b.actionId(Interactions.APPLY_NOW).style("danger")
                            .text(plainText(Limits.clip(words.get(WordKey.APPROVAL_BUTTON_APPLY_NOW),
                                    Limits.BUTTON_TEXT))).value(value))))));
        } else {
            blocks.add(actions(a -> a.elements(List.of(button(b -> b.actionId(Interactions.REVIEW).style("primary")
                    .text(plainText(words.get(WordKey.EMERGENCY_BUTTON_REVIEW))).value(value))))));
        }
        String text = words.get(request ? WordKey.APPROVAL_TEXT : WordKey.EMERGENCY_TEXT,
                SlackMarkup.plain(who), SlackMarkup.plain(what));
        return new SlackMessage(text, blocks);
    }

    /** What the message says once settled: one line, no buttons. */
    public SlackMessage settled(Approval approval, Instant now) {
        String line = line(approval, now);
        return new SlackMessage(SlackMarkup.plain(line), List.of(section(s -> s.text(markdownText(line)))));
    }

    /** The line for a pending request in the incident's root message (who asked, when it expires). */
    public String pending(Approval approval, Instant now) {
        return words.get(WordKey.APPROVAL_PENDING, Names.actor(approval.requestedBy()), targets(approval),
                SlackTime.slack(approval.expiresAt(), now));
    }

    private String line(Approval approval, Instant now) {
        String asked = Names.actor(approval.requestedBy());
        String what = targets(approval);
        String by = approval.settledBy().map(Names::actor).orElse("");
        String at = approval.settledAt().map(time -> SlackTime.slack(time, now)).orElse("");
        return switch (approval.state()) {
            case OPEN -> approval.kind() == Approval.Kind.REQUEST ? pending(approval, now)
                    : words.get(WordKey.EMERGENCY_ASKS, asked, what, SlackTime.slack(approval.requestedAt(), now));
            case APPROVED -> words.get(WordKey.APPROVAL_APPROVED, by, at, what, asked,
                    words.duration(approval.took().orElse(Duration.ZERO)));
            case EXPIRED -> words.get(WordKey.APPROVAL_EXPIRED,
                    words.duration(Duration.between(approval.requestedAt(), approval.expiresAt())), asked, what);
            case MOVED -> words.get(WordKey.APPROVAL_MOVED);
            case APPLIED_NOW -> words.get(WordKey.APPROVAL_APPLIED_NOW, by, at);
            case REVIEWED -> words.get(WordKey.EMERGENCY_REVIEWED, by, at, asked, what);
        };
    }

    private String targets(Approval approval) {
        return Limits.joined(approval.targets().stream().map(names::target).toList(), ", ", Limits.SECTION_TEXT / 3);
    }
}
