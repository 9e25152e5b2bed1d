package dev.detour.messages;

import com.slack.api.model.block.LayoutBlock;
import dev.detour.incidents.readmodel.DetourStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/** {@code /detour status} and the App Home: open incidents, what is switched off, every task class's route. */
public final class StatusMessage {
    private final Names names;
    private final IncidentTitle titles;
    private final Wording words;

    public StatusMessage(Names names, Wording words) {
        this.names = names;
        this.titles = new IncidentTitle(names, words);
        this.words = words;
    }

    public SlackMessage render(DetourStatus status) {
        return new SlackMessage(summary(status), blocks(status));
    }

    public List<LayoutBlock> blocks(DetourStatus status) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(words.get(WordKey.STATUS_HEADER)))));
        blocks.add(context(c -> c.elements(List.of(markdownText(words.get(WordKey.STATUS_AS_OF,
                SlackTime.slack(status.at(), status.at())))))));
        List<String> incidents = status.openIncidents().stream()
                .map(incident -> "• *" + incident.id() + "* " + words.get(WordKey.state(incident.state()))
                        + " · " + words.get(WordKey.kindWord(incident.kind())) + " · "
                        + SlackText.escape(titles.of(incident), Limits.SECTION_TEXT / 2))
                .toList();
        blocks.add(list(WordKey.STATUS_OPEN_INCIDENTS, incidents, WordKey.STATUS_NO_INCIDENTS));
        List<String> off = new ArrayList<>();
        status.providers().stream().filter(p -> !p.available())
                .forEach(p -> off.add("• " + switchedOff(WordKey.STATUS_PROVIDER_OFF, WordKey.STATUS_PROVIDER_OFF_SINCE, p.name(), p.id().value(), p.since(), status.at())));
        status.models().stream().filter(m -> !m.available())
                .forEach(m -> off.add("• " + switchedOff(WordKey.STATUS_MODEL_OFF, WordKey.STATUS_MODEL_OFF_SINCE, m.name(), m.id().value(), m.since(), status.at())));
        blocks.add(list(WordKey.STATUS_SWITCHED_OFF, off, WordKey.STATUS_NOTHING_OFF));
        List<String> routes = status.taskClasses().stream()
                .map(t -> "• " + t.name() + " (`" + t.id() + "`, " + words.get(WordKey.failover(t.failover()))
                        + "): " + names.route(t.current(), words))
                .toList();
        blocks.add(list(WordKey.STATUS_TASK_CLASSES, routes, WordKey.STATUS_NO_TASK_CLASSES));
        return blocks;
    }

    /** A bold heading over one line per item, or over the words for none. */
    private LayoutBlock list(WordKey heading, List<String> lines, WordKey none) {
        String text = "*" + words.get(heading) + "*\n" + (lines.isEmpty() ? words.get(none)
                : Limits.lines(lines, Limits.SECTION_TEXT - 20));
        return section(s -> s.text(markdownText(text)));
    }

    private String switchedOff(WordKey key, WordKey keySince, String name, String id, Optional<Instant> since,
                               Instant now) {
        return since.map(at -> words.get(keySince, name, id, SlackTime.slack(at, now)))
                .orElseGet(() -> words.get(key, name, id));
    }

    private String summary(DetourStatus status) {
        long off = status.models().stream().filter(m -> !m.usable()).count();
        return words.get(WordKey.STATUS_TEXT, String.valueOf(status.openIncidents().size()), String.valueOf(off));
    }
}
