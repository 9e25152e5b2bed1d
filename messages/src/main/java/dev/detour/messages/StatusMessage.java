package dev.detour.messages;

import com.slack.api.model.block.LayoutBlock;
import dev.detour.incidents.service.DetourStatus;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/** {@code /detour status} and the App Home: open incidents, what is switched off, every task class's route. */
public final class StatusMessage {
    private final Names names;

    public StatusMessage(Names names) {
        this.names = names;
    }

    public SlackMessage render(DetourStatus status) {
        return new SlackMessage(summary(status), blocks(status));
    }

    public List<LayoutBlock> blocks(DetourStatus status) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("Detour status · " + Names.time(status.at())))));
        List<String> incidents = status.openIncidents().stream()
                .map(incident -> "• *" + incident.id() + "* " + incident.state().word() + " · "
                        + incident.kind().word() + " · " + IncidentRootMessage.escape(incident.title()))
                .toList();
        blocks.add(section(s -> s.text(markdownText("*Open incidents*\n" + (incidents.isEmpty() ? "None."
                : Limits.lines(incidents, Limits.SECTION_TEXT - 20))))));
        List<String> off = new ArrayList<>();
        status.providers().stream().filter(p -> !p.available())
                .forEach(p -> off.add("• " + p.name() + " (`" + p.id() + "`), the whole provider"
                        + p.since().map(at -> ", since " + Names.time(at)).orElse("")));
        status.models().stream().filter(m -> !m.available())
                .forEach(m -> off.add("• " + m.name() + " (`" + m.id() + "`)"
                        + m.since().map(at -> ", since " + Names.time(at)).orElse("")));
        blocks.add(section(s -> s.text(markdownText("*Switched off*\n" + (off.isEmpty() ? "Nothing: every provider"
                + " and model is available." : Limits.lines(off, Limits.SECTION_TEXT - 20))))));
        List<String> routes = status.taskClasses().stream()
                .map(t -> "• " + t.name() + " (`" + t.id() + "`, " + t.failover().word() + "): "
                        + names.route(t.current()))
                .toList();
        blocks.add(section(s -> s.text(markdownText("*Task classes*\n" + (routes.isEmpty() ? "None configured."
                : Limits.lines(routes, Limits.SECTION_TEXT - 20))))));
        return blocks;
    }

    private static String summary(DetourStatus status) {
        long off = status.models().stream().filter(m -> !m.usable()).count();
        return "Detour status: " + status.openIncidents().size() + " open incident(s), " + off
                + " model(s) not usable";
    }
}
