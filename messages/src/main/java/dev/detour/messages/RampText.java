package dev.detour.messages;

import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.recovery.HoldEvidence;
import dev.detour.incidents.recovery.RampMove;
import dev.detour.incidents.recovery.RampRefusal;
import dev.detour.incidents.recovery.RampSample;
import dev.detour.incidents.recovery.RampShare;
import dev.detour.incidents.recovery.RampState;

import com.slack.api.model.block.element.BlockElement;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * The words of staged recovery (docs/recovery.md): the root message's line per ramp, the thread reply per move,
 * and the answers to {@code /detour ramp}. Times are {@link SlackTime} tokens; people are mentions.
 */
public final class RampText {
    private final Names names;
    private final Wording words;

    public RampText(Names names, Wording words) {
        this.names = names;
        this.words = words;
    }

    /**
     * "Claude Opus 4.8 — coming back: 50% of traffic since 12:40, next step 12:45 if healthy · last hold: 240
     * requests, 0.4% errors, p95 1100 ms in the last 1m", the last part from the evidence of the last hold that
     * ended, when one has (docs/recovery.md).
     */
    public String line(RampShare share, Instant now) {
        return line(share, "", now);
    }

    /** {@code current}: what the current hold has seen so far, said before the last hold's evidence. */
    private String line(RampShare share, String current, Instant now) {
        String name = SlackText.escape(names.target(share.target()));
        if (share.percent() == 0) {
            return words.get(WordKey.RAMP_LINE_ROLLED_BACK, name, SlackTime.slack(share.since(), now)) + current;
        }
        String line = words.get(WordKey.RAMP_LINE, name, share.percent(), SlackTime.slack(share.since(), now));
        return line + share.nextStepAt().map(next -> words.get(WordKey.RAMP_LINE_NEXT, SlackTime.slack(next, now)))
                .orElseGet(() -> words.get(WordKey.RAMP_LINE_PAUSED)) + current
                + share.lastHold().map(this::lastHold).orElse("");
    }

    /**
     * What the last hold saw: its latest window's numbers; its busiest window's when the latest had no requests; no
     * requests and nothing firing is the step taken without traffic evidence.
     */
    private String lastHold(HoldEvidence hold) {
        Optional<RampSample> last = hold.last().filter(sample -> sample.requests() > 0);
        if (last.isPresent()) {
            RampSample sample = last.get();
            return words.get(WordKey.RAMP_LINE_HOLD, sample.requests(), percent(sample.errorRate()), sample.p95Ms(),
                    words.duration(sample.window()));
        }
        if (hold.peakRequests() > 0) {
            return words.get(WordKey.RAMP_LINE_HOLD_BUSIEST, hold.peakRequests(), percent(hold.worstErrorRate()));
        }
        return words.get(hold.firingSeen() ? WordKey.RAMP_LINE_HOLD_NO_TRAFFIC
                : WordKey.RAMP_LINE_HOLD_WITHOUT_TRAFFIC);
    }

    /** The ramp's line with what its current hold has seen so far ({@code /detour ramp <target> status}). */
    public String line(RampShare share, Optional<HoldEvidence> evidence, Instant now) {
        return line(share, evidence.flatMap(HoldEvidence::last).map(this::numbers).orElse(""), now);
    }

    /** The thread reply to one move of a ramp. */
    public String reply(DetourEvent.RampMoved event, Instant now) {
        String name = SlackText.escape(event.name());
        String who = who(event.actor());
        RampMove move = event.move();
        Optional<String> next = event.share().flatMap(RampShare::nextStepAt).map(at -> SlackTime.slack(at, now));
        String since = SlackTime.slack(event.at(), now);
        if (move instanceof RampMove.Started started) {
            return words.get(WordKey.RAMP_REPLY_STARTED, name, started.percent(), next.orElse("—"), who);
        } else if (move instanceof RampMove.Advanced advanced) {
            String text = words.get(WordKey.RAMP_REPLY_ADVANCED, name, advanced.toPercent(), since,
                    advanced.withoutTraffic() ? "" : evidence(advanced.evidence()));
            return text + (advanced.withoutTraffic() ? words.get(WordKey.RAMP_REPLY_WITHOUT_TRAFFIC) : "")
                    + next.map(at -> words.get(WordKey.RAMP_REPLY_NEXT, at)).orElse("");
        } else if (move instanceof RampMove.Held held) {
            return words.get(WordKey.RAMP_REPLY_HELD, name, held.percent(), evidence(held.evidence()),
                    held.minRequests(), next.orElse("—"));
        } else if (move instanceof RampMove.RolledBack rolledBack) {
            return words.get(WordKey.RAMP_REPLY_ROLLED_BACK, name, rolledBack.fromPercent(), cause(rolledBack));
        } else if (move instanceof RampMove.Completed completed) {
            return completed.byPerson() ? words.get(WordKey.RAMP_REPLY_COMPLETED_BY, name, who)
                    : words.get(WordKey.RAMP_REPLY_COMPLETED, name, completed.withoutTraffic()
                    ? words.get(WordKey.RAMP_EVIDENCE_NONE) : evidence(completed.evidence()));
        } else if (move instanceof RampMove.Paused paused) {
            return words.get(WordKey.RAMP_REPLY_PAUSED, name, paused.percent(), who);
        } else if (move instanceof RampMove.Resumed resumed) {
            return words.get(WordKey.RAMP_REPLY_RESUMED, name, who, resumed.percent(), next.orElse("—"));
        } else if (move instanceof RampMove.Retried retried) {
            return words.get(WordKey.RAMP_REPLY_RETRIED, name, retried.percent(), who, next.orElse("—"));
        }
        RampMove.Aborted aborted = (RampMove.Aborted) move;
        return words.get(aborted.keptOffAfterRollback() ? WordKey.RAMP_REPLY_KEPT_OFF : WordKey.RAMP_REPLY_ABORTED,
                name, who);
    }

    /**
     * The thread reply to one move, as a message without buttons: a step's reply is history, and the live buttons
     * are the root message's ({@link #buttons}); a rollback is asked as a question that is edited once settled
     * ({@link ThreadQuestion}).
     */
    public SlackMessage replyMessage(DetourEvent.RampMoved event, Instant now) {
        return SlackMessage.plain(Limits.clip(reply(event, now), Limits.SECTION_TEXT));
    }

    /** Retry ramp and Keep off, for the question a rollback asks. */
    public List<BlockElement> rollbackButtons(Target target) {
        String value = value(target);
        return List.of(button(b -> b.actionId(Interactions.RAMP_RETRY).style("primary").value(value)
                        .text(plainText(words.get(WordKey.RAMP_BUTTON_RETRY)))),
                button(b -> b.actionId(Interactions.RAMP_KEEP_OFF).value(value)
                        .text(plainText(words.get(WordKey.RAMP_BUTTON_KEEP_OFF)))));
    }

    /** A ramp button's value: the target as {@code kind:id} (commands.InteractionHandler reads it). */
    private static String value(Target target) {
        return target.kind() + ":" + target.id();
    }

    /** Why a ramp command changed nothing. */
    public String refusal(RampRefusal refusal) {
        if (refusal instanceof RampRefusal.NoRamp none) {
            return words.get(WordKey.RAMP_REFUSED_NO_RAMP, SlackText.escape(names.target(none.target())),
                    none.target().id());
        } else if (refusal instanceof RampRefusal.NotNow notNow) {
            return words.get(WordKey.RAMP_REFUSED_NOT_NOW, SlackText.escape(names.target(notNow.target())),
                    state(notNow.state()), notNow.command());
        }
        RampRefusal.AlreadyRamping already = (RampRefusal.AlreadyRamping) refusal;
        return words.get(WordKey.RAMP_REFUSED_NOT_NOW, SlackText.escape(names.target(already.target())),
                state(already.state()), "enable");
    }

    /** The answer to {@code enable} for targets whose ramp started now. */
    public String started(Target target, RampShare share, Instant now) {
        return words.get(WordKey.COMMAND_DONE_RAMPING, SlackText.escape(names.target(target)), share.percent(),
                share.nextStepAt().map(at -> SlackTime.slack(at, now)).orElse("—"), target.id());
    }

    public String state(RampState state) {
        return words.get(switch (state) {
            case RUNNING -> WordKey.RAMP_STATE_RUNNING;
            case PAUSED -> WordKey.RAMP_STATE_PAUSED;
            case ROLLED_BACK -> WordKey.RAMP_STATE_ROLLED_BACK;
            case COMPLETED -> WordKey.RAMP_STATE_COMPLETED;
            case ABORTED -> WordKey.RAMP_STATE_ABORTED;
        });
    }

    private String cause(RampMove.RolledBack rolledBack) {
        Optional<RampSample> last = rolledBack.evidence().last();
        return switch (rolledBack.cause()) {
            case ERROR_RATE -> words.get(WordKey.RAMP_CAUSE_ERROR_RATE,
                    percent(last.map(RampSample::errorRate).orElse(0.0)), last.map(RampSample::errors).orElse(0L),
                    last.map(RampSample::requests).orElse(0L), last.map(s -> words.duration(s.window())).orElse("—"));
            case LATENCY -> words.get(WordKey.RAMP_CAUSE_LATENCY, last.map(RampSample::p95Ms).orElse(0L),
                    last.map(RampSample::requests).orElse(0L), last.map(s -> words.duration(s.window())).orElse("—"));
            case FIRING -> words.get(WordKey.RAMP_CAUSE_FIRING,
                    SlackText.escape(rolledBack.source().orElse("—")));
        };
    }

    private String evidence(HoldEvidence evidence) {
        return evidence.last().filter(last -> last.requests() > 0).map(this::numbers)
                .orElseGet(() -> words.get(WordKey.RAMP_EVIDENCE_NONE));
    }

    private String numbers(RampSample sample) {
        return sample.requests() == 0 ? words.get(WordKey.RAMP_EVIDENCE_NONE)
                : words.get(WordKey.RAMP_EVIDENCE, sample.requests(), percent(sample.errorRate()),
                words.duration(sample.window()));
    }

    /** A person as a mention; a policy or a signal acting on its own as Detour, by policy. */
    private String who(Actor actor) {
        return switch (actor.kind()) {
            case USER -> "<@" + actor.id() + ">";
            case POLICY, SIGNAL -> words.get(WordKey.DECISION_BY_POLICY);
            case SYSTEM -> words.get(WordKey.DECISION_BY_DETOUR);
        };
    }

    /** A rate as a percentage with one decimal below 10 ({@code 0.3}), none above ({@code 41}), in the reader's digits. */
    private static double percent(double rate) {
        double value = 100 * rate;
        return value < 10 ? Math.round(value * 10) / 10.0 : Math.round(value);
    }
}
