package dev.detour.incidents.application;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.flags.Flag;
import dev.detour.incidents.flags.FlagSet;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.preview.FlagChange;
import dev.detour.incidents.preview.Preview;
import dev.detour.incidents.preview.PreviewOutcome;
import dev.detour.incidents.preview.ProposedChange;
import dev.detour.incidents.preview.QuestionEffect;
import dev.detour.incidents.preview.TaskClassEffect;
import dev.detour.incidents.queries.StatusService;
import dev.detour.incidents.routing.RouteState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Previews a change, applies the preview, and checks every field against what applying produced: every route after,
 * the routes that changed (before and after), the paused classes, the questions asked, the flags that moved, and
 * that the state's version moved.
 */
final class AppliedAsPreviewed {
    private final ChangePreviews previews;
    private final StatusService status;
    private final Catalog catalog;

    AppliedAsPreviewed(ChangePreviews previews, StatusService status, Catalog catalog) {
        this.previews = previews;
        this.status = status;
        this.catalog = catalog;
    }

    void assertFor(ProposedChange change) {
        FlagSet flagsBefore = FlagSet.of(status.current(), catalog);
        Preview preview = previewed(previews.preview(change));

        ChangePreviews.Applying applying = previews.apply(preview, Actor.user("U0ALICE"), Optional.of("contract"));

        RoutingOutcome outcome = assertInstanceOf(ChangePreviews.Applying.Applied.class, applying).outcome();
        RoutingOutcome.Applied applied = assertInstanceOf(RoutingOutcome.Applied.class, outcome);
        assertEquals(preview.taskClasses().stream().map(TaskClassEffect::after).toList(),
                catalog.taskClasses().stream().map(taskClass -> previews.snapshot().routes().get(taskClass.id()))
                        .toList(), "every route after");
        assertEquals(preview.changed().stream().map(effect -> List.of(effect.before(), Optional.of(effect.after())))
                        .toList(),
                applied.routes().stream().map(event -> List.of(event.before(), Optional.of(event.after()))).toList(),
                "the routes that changed, before and after");
        assertEquals(preview.paused(), applied.routes().stream()
                .filter(event -> event.before().map(route -> route.state().serves()).orElse(true)
                        && !event.after().state().serves())
                .map(event -> event.after().taskClass()).toList(), "the classes paused");
        assertEquals(preview.questions(), questionsAsked(applied.routes()), "the questions asked");
        assertEquals(preview.flags(), flagChanges(flagsBefore, FlagSet.of(status.current(), catalog)), "the flags");
        assertNotEquals(preview.version(), previews.snapshot().version(), "the state moved");
    }

    private List<QuestionEffect> questionsAsked(List<DetourEvent.RouteChanged> changes) {
        return changes.stream().filter(event -> event.after().state() == RouteState.AWAITING_CONSENT)
                .map(event -> {
                    TaskClass taskClass = catalog.taskClass(event.after().taskClass()).orElseThrow();
                    return new QuestionEffect(taskClass.id(), event.after().offered().orElseThrow(),
                            taskClass.consentTimeout(), taskClass.onTimeout());
                }).toList();
    }

    private static List<FlagChange> flagChanges(FlagSet before, FlagSet after) {
        Map<String, FlagChange> changes = new TreeMap<>();
        for (Flag flag : after.all()) {
            String was = before.get(flag.key()).map(previous -> String.valueOf(previous.value())).orElseThrow();
            String now = String.valueOf(flag.value());
            if (!was.equals(now)) {
                changes.put(flag.key(), new FlagChange(flag.key(), was, now));
            }
        }
        return new ArrayList<>(changes.values());
    }

    static Preview previewed(PreviewOutcome outcome) {
        return assertInstanceOf(PreviewOutcome.Previewed.class, outcome).preview();
    }
}
