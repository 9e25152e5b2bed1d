package dev.detour.messages;

import dev.detour.incidents.readmodel.PausedFeature;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * A short heads-up for managers, in the summary channel, when a feature has been paused longer than
 * {@code detour.managers.heads-up-after}: which feature, since when, which incident, what happens next.
 */
public final class PauseHeadsUp {
    private final Names names;
    private final Wording words;
    private final IncidentTitle titles;

    public PauseHeadsUp(Names names, Wording words) {
        this.names = names;
        this.words = words;
        this.titles = new IncidentTitle(names, words);
    }

    public SlackMessage render(PausedFeature paused, Instant now) {
        String slack = lines(paused, now, at -> SlackTime.slack(at, now));
        String text = lines(paused, now, at -> SlackTime.plain(at, now));
        return new SlackMessage(Limits.clip(text, Limits.SECTION_TEXT),
                List.of(section(s -> s.text(markdownText(Limits.clip(slack, Limits.SECTION_TEXT))))));
    }

    private String lines(PausedFeature paused, Instant now, Function<Instant, String> time) {
        List<String> lines = new ArrayList<>();
        lines.add(":double_vertical_bar: " + words.get(WordKey.HEADS_UP_PAUSED,
                SlackText.escape(paused.taskClass().name(), Limits.SECTION_TEXT / 8),
                words.duration(paused.pausedFor(now)), time.apply(paused.since())));
        paused.incident().ifPresent(incident -> lines.add(words.get(WordKey.HEADS_UP_INCIDENT,
                SlackText.escape(titles.of(incident), Limits.SECTION_TEXT / 4))));
        lines.add(next(paused.taskClass().current(), paused));
        return String.join("\n", lines);
    }

    private String next(Route route, PausedFeature paused) {
        if (route.state() == RouteState.AWAITING_CONSENT && route.offered().isPresent()) {
            return words.get(WordKey.HEADS_UP_NEXT_CONSENT, names.model(route.offered().get()));
        }
        return words.get(WordKey.HEADS_UP_NEXT_STOPPED, names.model(paused.taskClass().route().get(0)));
    }
}
