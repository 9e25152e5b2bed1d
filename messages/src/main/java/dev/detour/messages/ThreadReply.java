package dev.detour.messages;

import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.incident.UpdateText;
import dev.detour.incidents.routing.RouteCause;
import dev.detour.incidents.routing.RouteReason;
import dev.detour.incidents.routing.RouteState;
import dev.detour.incidents.signals.Signal;

import java.util.ArrayList;
import java.util.List;


/**
 * The replies an event adds to its incident's thread, one per meaningful change. The opening itself is the root
 * message, so it adds no reply.
 */
public final class ThreadReply {
    private final Names names;
    private final Wording words;
    private final TimelineText timeline;
    private final SignalEvidenceText evidence;

    public ThreadReply(Names names, Wording words) {
        this.names = names;
        this.words = words;
        this.timeline = new TimelineText(names, words);
        this.evidence = new SignalEvidenceText(words, provider -> names.target(Target.provider(provider)));
    }

    public List<SlackMessage> render(DetourEvent event) {
        List<SlackMessage> replies = new ArrayList<>();
        if (event instanceof DetourEvent.IncidentChanged changed) {
            for (TimelineEntry entry : changed.entries()) {
                if (entry.type() != TimelineEntry.Type.OPENED) {
                    replies.add(SlackMessage.plain(describe(entry)));
                }
            }
        } else if (event instanceof DetourEvent.AvailabilityChanged availability) {
            replies.add(SlackMessage.plain(availabilityChange(availability)));
        } else if (event instanceof DetourEvent.SignalReceived signal) {
            // A signal that suggests switching something is a question: ThreadQuestion renders it.
            if (signal.suggestion() == DetourEvent.SignalReceived.Suggestion.NONE) {
                replies.add(signal(signal));
            }
        } else if (event instanceof DetourEvent.RouteChanged route) {
            // A fallback that needs consent is a question: ThreadQuestion renders it.
            if (route.after().state() != RouteState.AWAITING_CONSENT) {
                replies.add(SlackMessage.plain(routeChange(route)));
            }
        }
        return replies;
    }

    private String availabilityChange(DetourEvent.AvailabilityChanged availability) {
        WordKey key = availability.available() ? WordKey.REPLY_ENABLED : WordKey.REPLY_DISABLED;
        WordKey keyWithReason = availability.available() ? WordKey.REPLY_ENABLED_REASON : WordKey.REPLY_DISABLED_REASON;
        String who = Names.actor(availability.actor());
        String target = names.targetWithId(availability.target());
        int room = Limits.room(Limits.SECTION_TEXT, words.get(keyWithReason, who, target, ""));
        return availability.reason()
                .map(reason -> words.get(keyWithReason, who, target, ownWords(availability.actor(), reason, room)))
                .orElseGet(() -> words.get(key, who, target));
    }

    private String routeChange(DetourEvent.RouteChanged route) {
        String taskClass = "*" + names.taskClass(route.after().taskClass()) + "*";
        String before = route.before().map(previous -> names.route(previous, words))
                .orElseGet(() -> words.get(WordKey.REPLY_ROUTE_CHANGE_FIRST));
        String after = names.route(route.after(), words);
        RouteCause cause = route.after().cause();
        if (cause.consentTimedOut() && route.before().map(previous -> previous.cause() != cause).orElse(true)) {
            TaskClass policy = names.catalog().taskClass(route.after().taskClass()).orElseThrow();
            return words.get(WordKey.REPLY_CONSENT_TIMEOUT, taskClass, words.duration(policy.consentTimeout()),
                    words.get(WordKey.answer(policy.onTimeout())), before, after);
        }
        return words.get(WordKey.REPLY_ROUTE_CHANGE, taskClass, before, after, Names.actor(route.actor()));
    }

    /** A signal that asks nothing: who reports what, with its evidence. */
    private SlackMessage signal(DetourEvent.SignalReceived received) {
        Signal signal = received.signal();
        String targets = Limits.joined(signal.targets().stream().map(names::target).toList(), ", ",
                Limits.SECTION_TEXT / 2);
        String side = switch (signal.side()) {
            case OUR_SIDE -> "\n" + words.get(WordKey.REPLY_SIGNAL_OUR_SIDE);
            case CAPACITY -> "\n" + words.get(WordKey.REPLY_SIGNAL_CAPACITY);
            case PROVIDER -> "";
        };
        WordKey key = signal.firing() ? WordKey.REPLY_SIGNAL_FIRING : WordKey.REPLY_SIGNAL_CLEARED;
        String source = SlackText.escape(signal.source());
        int room = Limits.room(Limits.SECTION_TEXT, words.get(key, source, targets, "") + side);
        return SlackMessage.plain(words.get(key, source, targets,
                SlackText.escape(evidence.of(signal.evidence()), room)) + side);
    }

    /** Why routes were planned again, in words: a person's own, or the typed cause's. */
    private String reason(RouteReason reason) {
        if (reason instanceof RouteReason.InWords inWords) {
            return inWords.text();
        }
        if (reason instanceof RouteReason.ConsentAnswered answered) {
            return words.get(WordKey.ROUTE_REASON_CONSENT, words.get(WordKey.answer(answered.answer())),
                    answered.offered().value());
        }
        return words.get(WordKey.ROUTE_REASON_CONFIGURATION_LOADED);
    }

    /** Who did what. */
    private String describe(TimelineEntry entry) {
        String who = Names.actor(entry.actor());
        return switch (entry.type()) {
            case UPDATE -> entry.detail() instanceof TimelineDetail.Update update ? update(who, entry.actor(),
                    update.text()) : quoting(WordKey.REPLY_UPDATE, who, entry);
            case RESOLVED -> quoting(WordKey.REPLY_RESOLVED_SUMMARY, who, entry);
            default -> words.get(WordKey.REPLY_ENTRY, who, timeline.of(entry,
                    Limits.room(Limits.SECTION_TEXT, words.get(WordKey.REPLY_ENTRY, who, ""))));
        };
    }

    /**
     * The internal part as on-call typed it (a person mention stays one), then what customers read, marked as such
     * and escaped whole: the customer part goes outside the incident, where no mention is live.
     */
    private String update(String who, Actor actor, UpdateText text) {
        if (text.customer().isEmpty()) {
            int room = Limits.room(Limits.SECTION_TEXT, words.get(WordKey.REPLY_UPDATE, who, ""));
            return words.get(WordKey.REPLY_UPDATE, who, SlackText.quoted(ownWords(actor, text.internal(), room)));
        }
        if (text.internal().isEmpty()) {
            int room = Limits.room(Limits.SECTION_TEXT, words.get(WordKey.REPLY_UPDATE_FOR_CUSTOMERS, who, ""));
            return words.get(WordKey.REPLY_UPDATE_FOR_CUSTOMERS, who,
                    SlackText.quoted(SlackText.escape(text.customer(), room)));
        }
        int room = Limits.room(Limits.SECTION_TEXT, words.get(WordKey.REPLY_UPDATE, who, "") + "\n"
                + words.get(WordKey.REPLY_UPDATE_CUSTOMERS_READ, "")) / 2;
        return words.get(WordKey.REPLY_UPDATE, who, SlackText.quoted(ownWords(actor, text.internal(), room))) + "\n"
                + words.get(WordKey.REPLY_UPDATE_CUSTOMERS_READ, SlackText.quoted(SlackText.escape(text.customer(),
                room)));
    }

    /** {@code key}'s words, then the entry's text as a quote, cut to fit the section. */
    private String quoting(WordKey key, String who, TimelineEntry entry) {
        int room = Limits.room(Limits.SECTION_TEXT, words.get(key, who, ""));
        return words.get(key, who, SlackText.quoted(ownWords(entry.actor(), timeline.plain(entry), room)));
    }

    /**
     * What a person typed, escaped; a person mention they typed stays one, since this is the incident's thread
     * (see docs/slack.md). Text from signals and policies is escaped whole.
     */
    private static String ownWords(Actor actor, String text, int room) {
        return actor.kind() == Actor.Kind.USER ? SlackText.escapeKeepingPersonMentions(text, room)
                : SlackText.escape(text, room);
    }
}
