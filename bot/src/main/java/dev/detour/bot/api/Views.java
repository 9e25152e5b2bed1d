package dev.detour.bot.api;

import dev.detour.incidents.audit.StoredAuditRecord;
import dev.detour.incidents.catalog.EnumWords;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.recovery.RampShare;
import dev.detour.incidents.signals.UnknownModelNames;
import dev.detour.messages.TimelineWords;
import dev.detour.notifications.flags.SinkState;
import dev.detour.notifications.slack.DeliveryGuarantee;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The JSON shapes of {@code /api/*}: plain ids and words, ISO-8601 times, {@code null} for "none". */
public final class Views {
    private Views() {
    }

    /**
     * @param slackDelivery      which delivery promise Slack posts get now (docs/slack.md, "Delivery")
     * @param ramps              the targets coming back to a share of traffic (docs/flags.md, "While a target ramps")
     * @param sinks              whether the last change reached each push sink ("which apps obey", docs/api.md)
     * @param eventStreamClients OFREP event-stream clients connected to this replica; null where there are no
     *                           event streams
     * @param unknownModelNames  model names signals carried that no model or alias matches (docs/api.md)
     * @param statusPages        each provider's status page as this replica's poller last found it
     */
    public record Status(Instant at, List<Provider> providers, List<Model> models, List<TaskClass> taskClasses,
                         List<IncidentSummary> openIncidents, SlackDelivery slackDelivery, List<Ramp> ramps,
                         List<SinkView> sinks, Integer eventStreamClients, UnknownModels unknownModelNames,
                         List<StatusPage> statusPages) {
        /** @param now when this answer is given: the snapshot may be older, incidents' durations are up to now */
        static Status of(DetourStatus status, Instant now, DeliveryGuarantee.Current delivery, IncidentViews views,
                         List<SinkState> sinks, Optional<Integer> eventStreamClients,
                         UnknownModelNames.Snapshot unknown, List<StatusPage> statusPages) {
            return new Status(now,
                    status.providers().stream().map(provider -> new Provider(provider.id().value(), provider.name(),
                            provider.available(), provider.since().orElse(null))).toList(),
                    status.models().stream().map(model -> new Model(model.id().value(), model.provider().value(),
                            model.name(), model.available(), model.usable(), model.since().orElse(null))).toList(),
                    status.taskClasses().stream().map(TaskClass::of).toList(),
                    // From the snapshot alone (no database read): the kind follows the routes now.
                    status.openIncidents().stream().map(incident -> views.summary(incident, status, List.of(), now))
                            .toList(),
                    new SlackDelivery(delivery.kind().word(), delivery.detail()),
                    status.ramps().stream().map(Ramp::of).toList(),
                    sinks.stream().map(SinkView::of).toList(), eventStreamClients.orElse(null),
                    new UnknownModels(unknown.names().stream()
                            .map(count -> new UnknownModel(count.name(), count.count())).toList(), unknown.others()),
                    statusPages);
        }
    }

    /**
     * Model names signals carried that no model's id or alias matches (docs/api.md), most frequent first: at most
     * 100 names; {@code others} counts the reports that named a name beyond those.
     */
    public record UnknownModels(List<UnknownModel> names, long others) {
    }

    public record UnknownModel(String name, long count) {
    }

    /**
     * A provider's status page as this replica's poller last found it.
     *
     * @param state  {@code readable}, or {@code unreadable} (cannot be fetched or parsed, or not Statuspage's
     *               {@code summary.json}: never an outage, docs/signals.md)
     * @param reason why it is unreadable; {@code null} while readable
     * @param since  since when it is unreadable; {@code null} while readable
     */
    public record StatusPage(String provider, String url, String state, String reason, Instant since) {
    }

    /**
     * A target coming back through a ramp: available to {@code percent}% of traffic, by targeting key.
     *
     * @param kind       {@code provider} or {@code model}
     * @param step       the ramp's step, counted from 1
     * @param since      when this step began
     * @param nextStepAt when the next step is due if the evidence holds; {@code null} while paused or at the last
     */
    public record Ramp(String kind, String target, int percent, int step, Instant since, Instant nextStepAt) {
        static Ramp of(RampShare ramp) {
            return new Ramp(ramp.target().kind(), ramp.target().id(), ramp.percent(), ramp.step(), ramp.since(),
                    ramp.nextStepAt().orElse(null));
        }
    }

    /**
     * One push sink: {@code state} is {@code none} (no change yet), {@code pending}, {@code failed}, or what
     * reached means for its type: {@code delivered} (webhook), {@code written} (flagd file), {@code verified}
     * (LiteLLM); {@code unresolved}: LiteLLM names of the sink's map that no deployment carries.
     */
    public record SinkView(String name, String type, String state, Instant changeAt, Instant reachedAt,
                           String error, List<String> unresolved) {
        static SinkView of(SinkState sink) {
            return new SinkView(sink.name(), sink.type(), sink.word(), sink.changeAt().orElse(null),
                    sink.reachedAt().orElse(null), sink.error().orElse(null), sink.unresolved());
        }
    }

    /** @param guarantee {@code exactly-once} or {@code at-least-once}; {@code detail} says why */
    public record SlackDelivery(String guarantee, String detail) {
    }

    public record Provider(String id, String name, boolean available, Instant since) {
    }

    /** @param usable the model and its provider are both available */
    public record Model(String id, String provider, String name, boolean available, boolean usable, Instant since) {
    }

    /**
     * @param state   {@code primary}, {@code fallback}, {@code awaiting-consent} or {@code stopped}
     * @param serving the model serving it now, {@code null} when paused
     * @param offered the model a fallback question is about
     */
    public record TaskClass(String id, String name, String failover, List<String> route, String state,
                            String serving, String offered, String cause, Instant since) {
        static TaskClass of(DetourStatus.TaskClassStatus status) {
            return new TaskClass(status.id().value(), status.name(), status.failover().word(),
                    status.route().stream().map(ModelId::value).toList(), status.current().state().word(),
                    status.current().serving().map(ModelId::value).orElse(null),
                    status.current().offered().map(ModelId::value).orElse(null),
                    EnumWords.of(status.current().cause()),
                    status.since().orElse(null));
        }
    }

    /**
     * @param kind       the kind on-call set, or else the one that follows from what users noticed (a paused
     *                   feature makes it an outage)
     * @param kindSet    whether on-call set the kind ({@code /detour kind})
     * @param title      the title for people: the one a person gave it, or else one made from what it affects
     *                   ({@code Anthropic: Claude Opus 4.8 and 4.7 failing}), as Slack shows it
     * @param titleGiven whether a person gave the title (declaring the incident or with {@code /detour title})
     * @param affected   {@code provider:<id>} and {@code model:<id>}
     */
    public record IncidentSummary(String id, String kind, boolean kindSet, String state, String title,
                                  boolean titleGiven, List<String> affected, Instant openedAt, String openedBy,
                                  Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt,
                                  String reopenedFrom, long durationSeconds) {
        /** @param title the incident's title for people (see {@code messages.IncidentTitle}) */
        static IncidentSummary of(Incident incident, IncidentKind kind, String title, Instant now) {
            return new IncidentSummary(incident.id().toString(), kind.word(), incident.kindSet(),
                    incident.state().word(), title, !incident.title().isEmpty(),
                    incident.affected().stream().map(target -> target.kind() + ":" + target.id()).toList(),
                    incident.openedAt(), incident.openedBy().toString(), incident.acknowledgedAt().orElse(null),
                    incident.acknowledgedBy().map(Object::toString).orElse(null),
                    incident.resolvedAt().orElse(null), incident.reopenedFrom().map(IncidentId::toString).orElse(null),
                    incident.duration(now).toSeconds());
        }
    }

    public record Incidents(List<IncidentSummary> incidents) {
    }

    public record IncidentDetail(IncidentSummary incident, List<TimelineLine> timeline) {
    }

    /** @param actor {@code user:U0ALICE}, {@code signal:statuspage:anthropic}, {@code policy:failover:auto} */
    public record TimelineLine(Instant at, String actor, String type, String text) {
        static TimelineLine of(TimelineEntry entry, TimelineWords words) {
            return new TimelineLine(entry.at(), entry.actor().toString(),
                    EnumWords.of(entry.type()), words.plain(entry.detail()));
        }
    }

    public record AuditLine(long id, Instant at, String actor, String action, String subject, String before,
                            String after, String reason, String incident) {
        static AuditLine of(StoredAuditRecord stored) {
            var record = stored.record();
            return new AuditLine(stored.id(), record.at(), record.actor().toString(), record.action().text(),
                    record.subject().text(), record.before().orElse(null), record.after().orElse(null),
                    record.reason().orElse(null), record.incident().map(IncidentId::toString).orElse(null));
        }
    }

    /** @param next pass as {@code after} to read the following page; {@code null} on the last page */
    public record AuditPage(List<AuditLine> records, Long next) {
    }
}
