package dev.detour.messages;

import com.slack.api.model.block.LayoutBlock;
import dev.detour.incidents.readmodel.DetourStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/** {@code /detour status} and the App Home: open incidents, what is switched off, every task class's route. */
public final class StatusMessage {
    private final Names names;
    private final Wording words;

    public StatusMessage(Names names) {
        this(names, Wording.english());
    }

    public StatusMessage(Names names, Wording words) {
        this.names = names;
        this.words = words;
    }

    public SlackMessage render(DetourStatus status) {
        return new SlackMessage(summary(status), blocks(status));
    }

    public List<LayoutBlock> blocks(DetourStatus status) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(words.get("status.header", Names.time(status.at()))))));
        List<String> incidents = status.openIncidents().stream()
                .map(incident -> "• *" + incident.id() + "* " + words.get("word.state." + incident.state().word())
                        + " · " + words.get("word.kind." + incident.kind().word()) + " · "
                        + SlackText.escape(incident.title(), Limits.SECTION_TEXT / 2))
                .toList();
        blocks.add(list("status.open-incidents", incidents, "status.no-incidents"));
        List<String> off = new ArrayList<>();
        status.providers().stream().filter(p -> !p.available())
                .forEach(p -> off.add("• " + switchedOff("status.provider-off", p.name(), p.id().value(), p.since())));
        status.models().stream().filter(m -> !m.available())
                .forEach(m -> off.add("• " + switchedOff("status.model-off", m.name(), m.id().value(), m.since())));
        blocks.add(list("status.switched-off", off, "status.nothing-off"));
        List<String> routes = status.taskClasses().stream()
                .map(t -> "• " + t.name() + " (`" + t.id() + "`, " + words.get("word.failover." + t.failover().word())
                        + "): " + names.route(t.current(), words))
                .toList();
        blocks.add(list("status.task-classes", routes, "status.no-task-classes"));
        return blocks;
    }

    /** A bold heading over one line per item, or over the words for none. */
    private LayoutBlock list(String heading, List<String> lines, String none) {
        String text = "*" + words.get(heading) + "*\n" + (lines.isEmpty() ? words.get(none)
                : Limits.lines(lines, Limits.SECTION_TEXT - 20));
        return section(s -> s.text(markdownText(text)));
    }

    private String switchedOff(String key, String name, String id, Optional<Instant> since) {
        return since.map(at -> words.get(key + ".since", name, id, Names.time(at)))
                .orElseGet(() -> words.get(key, name, id));
    }

    private String summary(DetourStatus status) {
        long off = status.models().stream().filter(m -> !m.usable()).count();
        return words.get("status.text", String.valueOf(status.openIncidents().size()), String.valueOf(off));
    }
}
