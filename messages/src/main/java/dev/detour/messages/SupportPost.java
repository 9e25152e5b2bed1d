package dev.detour.messages;

import com.slack.api.model.block.LayoutBlock;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.support.SupportPostDraft;
import dev.detour.incidents.support.SupportPostKind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/**
 * Plain language for support staff, display names only (no ids): what kind of change this is, which features
 * use which model now, which are paused, since when, and when the next update comes; or the all-clear.
 */
public final class SupportPost {
    private final Names names;
    private final Wording words;

    public SupportPost(Names names, Wording words) {
        this.names = names;
        this.words = words;
    }

    /**
     * @param update the on-call team's words for support, when this post carries an update
     * @param next   when the next update is due
     */
    public SlackMessage affected(Incident incident, DetourStatus status, Optional<String> update, Instant next) {
        String headline = headline(incident);
        List<String> lines = lines(status);
        String body = Limits.lines(lines.stream().map(line -> "• " + line).toList(), Limits.SECTION_TEXT - 100);
        String when = when(incident, next, at -> SlackTime.slack(at, status.at()));
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(Limits.clip(headline, Limits.HEADER_TEXT)))));
        // Support posts are read by people outside the incident: no mention in an update stays live.
        Optional<String> said = update.map(text -> words.get(WordKey.SUPPORT_UPDATE, SlackText.escape(text,
                Limits.room(Limits.SECTION_TEXT, words.get(WordKey.SUPPORT_UPDATE, "")))));
        said.ifPresent(text -> blocks.add(section(s -> s.text(markdownText(text)))));
        blocks.add(section(s -> s.text(markdownText(body))));
        blocks.add(context(c -> c.elements(List.of(markdownText(when)))));
        // The whole post, update included, for Slack's notifications.
        String text = headline + "\n" + said.map(u -> u + "\n").orElse("") + String.join("\n", lines) + "\n"
                + when(incident, next, at -> SlackTime.plain(at, status.at()));
        return new SlackMessage(Limits.clip(text, Limits.MESSAGE_TEXT), blocks);
    }

    /**
     * The same post as data for readers outside Slack (the public status page): plain text, on-call's words as
     * they typed them (any Slack markup in them is the reader's to turn into text), nothing escaped for Slack.
     */
    public SupportPostDraft affectedWords(Incident incident, DetourStatus status, Optional<String> update,
                                         Instant next) {
        List<String> body = new ArrayList<>();
        update.ifPresent(text -> body.add(words.get(WordKey.SUPPORT_UPDATE, text)));
        body.addAll(lines(status));
        body.add(words.get(WordKey.SUPPORT_SINCE, Names.time(incident.openedAt())));
        return new SupportPostDraft(update.isPresent() ? SupportPostKind.UPDATE : SupportPostKind.STATUS,
                headline(incident), String.join("\n", body), Optional.of(next));
    }

    /** Normal routing has resumed. */
    public SlackMessage allClear(Incident incident, Instant at) {
        SupportPostDraft post = allClearWords(incident, at);
        String body = allClearBody(incident, at, time -> SlackTime.slack(time, at));
        return new SlackMessage(post.headline() + "\n" + allClearBody(incident, at, time -> SlackTime.plain(time, at)),
                List.of(header(h -> h.text(plainText(post.headline()))), section(s -> s.text(markdownText(body)))));
    }

    /** The all-clear as data for readers outside Slack; it holds only Detour's own words. */
    public SupportPostDraft allClearWords(Incident incident, Instant at) {
        String headline = words.get(WordKey.SUPPORT_ALLCLEAR_HEADER);
        return new SupportPostDraft(SupportPostKind.ALL_CLEAR, headline, allClearBody(incident, at, Names::time));
    }

    private String allClearBody(Incident incident, Instant at, Function<Instant, String> time) {
        return words.get(WordKey.SUPPORT_ALLCLEAR_BODY, words.get(WordKey.supportKind(incident.kind())),
                time.apply(incident.openedAt()), time.apply(at),
                words.duration(Duration.between(incident.openedAt(), at)));
    }

    private String headline(Incident incident) {
        return words.get(WordKey.SUPPORT_HEADER, kind(incident.kind()));
    }

    /** One line per task class off its primary; and that the others work, when any do. */
    private List<String> lines(DetourStatus status) {
        List<String> lines = new ArrayList<>();
        for (DetourStatus.TaskClassStatus taskClass : status.taskClasses()) {
            switch (taskClass.current().state()) {
                case FALLBACK -> lines.add(words.get(WordKey.SUPPORT_FALLBACK, taskClass.name(),
                        taskClass.current().serving().map(names::model).orElse("?")));
                case STOPPED -> lines.add(words.get(WordKey.SUPPORT_PAUSED, taskClass.name(),
                        names.model(taskClass.route().get(0))));
                case AWAITING_CONSENT -> lines.add(words.get(WordKey.SUPPORT_AWAITING, taskClass.name(),
                        taskClass.current().offered().map(names::model).orElse("?")));
                case PRIMARY -> {
                }
            }
        }
        if (lines.isEmpty() || lines.size() < status.taskClasses().size()) {
            lines.add(words.get(WordKey.SUPPORT_UNAFFECTED));
        }
        return lines;
    }

    private String when(Incident incident, Instant next, Function<Instant, String> time) {
        return words.get(WordKey.SUPPORT_SINCE, time.apply(incident.openedAt())) + " "
                + words.get(WordKey.SUPPORT_NEXT, time.apply(next));
    }

    private String kind(IncidentKind kind) {
        return words.get(WordKey.kind(kind));
    }
}
