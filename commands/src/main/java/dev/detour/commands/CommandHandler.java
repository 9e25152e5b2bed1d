package dev.detour.commands;

import dev.detour.incidents.audit.AuditQuery;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.IncidentState;
import dev.detour.incidents.incident.Target;
import dev.detour.incidents.service.AuditTrail;
import dev.detour.incidents.service.AvailabilityService;
import dev.detour.incidents.service.CurrentFlags;
import dev.detour.incidents.service.IncidentReports;
import dev.detour.incidents.service.IncidentService;
import dev.detour.incidents.service.RouteService;
import dev.detour.incidents.service.RoutingOutcome;
import dev.detour.incidents.signals.PlausibleTimes;
import dev.detour.messages.AuditMessage;
import dev.detour.messages.HelpMessage;
import dev.detour.messages.ManagerSummary;
import dev.detour.messages.Modals;
import dev.detour.messages.Names;
import dev.detour.messages.SlackMessage;
import dev.detour.messages.SlackText;
import dev.detour.messages.StatusMessage;
import dev.detour.messages.Wording;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Carries out a parsed command for one person: checks that they may, calls the incidents services, and says
 * what happened. Every outcome is a reply; nothing is thrown at Slack.
 */
@Singleton
public class CommandHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CommandHandler.class);
    private static final int AUDIT_LINES = 30;

    private final CommandParser parser;
    private final OnCallPolicy onCall;
    private final IncidentService incidents;
    private final AvailabilityService availability;
    private final RouteService routes;
    private final CurrentFlags committed;
    private final AuditTrail audit;
    private final IncidentReports reports;
    private final Names names;
    private final Clock clock;
    private final Wording words = Wording.english();

    public CommandHandler(Catalog catalog, OnCallPolicy onCall, IncidentService incidents,
                          AvailabilityService availability, RouteService routes, CurrentFlags committed,
                          AuditTrail audit, IncidentReports reports, Clock clock) {
        this.reports = reports;
        this.parser = new CommandParser(catalog);
        this.onCall = onCall;
        this.incidents = incidents;
        this.availability = availability;
        this.routes = routes;
        this.committed = committed;
        this.audit = audit;
        this.names = new Names(catalog);
        this.clock = clock;
    }

    public DetourCommand parse(String text) {
        return parser.parse(text);
    }

    /** Whether {@code command} can be answered at once, before Slack's 3 s ack: no database, no Slack call. */
    public static boolean answersAtOnce(DetourCommand command) {
        return command instanceof DetourCommand.Invalid || command instanceof DetourCommand.Help;
    }

    public CommandReply handle(DetourCommand command, Invoker invoker) {
        try {
            if (command.changesProduction() && !(command instanceof DetourCommand.Invalid)
                    && !onCall.mayChange(invoker.userId())) {
                return refused(words.get("command.may.run", command.verb().map(Verb::word).orElse("")));
            }
            return carryOut(command, invoker);
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("command {} by {} failed (reference {})", command, invoker.userId(), reference, e);
            return CommandReply.say(words.get("command.failed", reference));
        }
    }

    /** The Acknowledge button: on-call has seen the incident and is on it. */
    public CommandReply acknowledge(IncidentId id, Invoker invoker) {
        if (!onCall.mayChange(invoker.userId())) {
            return refused(words.get("command.may.acknowledge"));
        }
        return incident(incidents.acknowledge(id, invoker.actor()), words.get("command.done.acknowledged"));
    }

    private CommandReply carryOut(DetourCommand command, Invoker invoker) {
        if (command instanceof DetourCommand.Invalid invalid) {
            // The problem quotes what was typed: shown as typed, never as Slack markup (see docs/slack.md).
            return CommandReply.say(words.get("command.invalid", SlackText.escape(invalid.problem()),
                    SlackText.escape(invalid.usage())));
        } else if (command instanceof DetourCommand.Help) {
            return new CommandReply.Ephemeral(help());
        } else if (command instanceof DetourCommand.Status) {
            return new CommandReply.Ephemeral(new StatusMessage(names).render(committed.status()));
        } else if (command instanceof DetourCommand.Declare declare) {
            return declare(declare, invoker);
        } else if (command instanceof DetourCommand.Disable disable) {
            return routing(availability.disable(disable.targets(), invoker.actor(), disable.reason()),
                    words.get("command.done.disabled"));
        } else if (command instanceof DetourCommand.Enable enable) {
            return routing(availability.enable(enable.targets(), invoker.actor(), enable.reason()),
                    words.get("command.done.enabled"));
        } else if (command instanceof DetourCommand.Route route) {
            RoutingOutcome outcome = routes.override(route.taskClass(), route.override(), invoker.actor(),
                    Optional.empty());
            return routing(outcome, route.override()
                    .map(o -> words.get("command.done.route", route.taskClass(), o.describe()))
                    .orElse(words.get("command.done.route.released", route.taskClass())));
        } else if (command instanceof DetourCommand.Consent consent) {
            return routing(routes.answerConsent(consent.taskClass(), consent.answer(), invoker.actor()),
                    words.get("command.done.consent", consent.answer().word(), consent.taskClass()));
        } else if (command instanceof DetourCommand.Update update) {
            return incident(incidents.postUpdate(update.incident(), update.text(), invoker.actor()),
                    words.get("command.done.update"));
        } else if (command instanceof DetourCommand.ChangeState change) {
            if (change.state() == IncidentState.RESOLVED) {
                return incident(incidents.resolve(change.incident(), invoker.actor(), ""),
                        words.get("command.done.resolved"));
            }
            return incident(incidents.changeState(change.incident(), change.state(), invoker.actor()),
                    words.get("command.done.state", change.state().word()));
        } else if (command instanceof DetourCommand.Resolve resolve) {
            return incident(incidents.resolve(resolve.incident(), invoker.actor(), resolve.summary().orElse("")),
                    words.get("command.done.resolved"));
        } else if (command instanceof DetourCommand.Reopen reopen) {
            return incident(incidents.reopen(reopen.incident(), invoker.actor(), reopen.reason().orElse("")),
                    words.get("command.done.reopened"));
        } else if (command instanceof DetourCommand.Summary summary) {
            return summary(summary.incident());
        } else if (command instanceof DetourCommand.Audit auditCommand) {
            return audit(auditCommand);
        }
        throw new IllegalStateException("unhandled command " + command);
    }

    private CommandReply declare(DetourCommand.Declare declare, Invoker invoker) {
        if (declare.targets().isEmpty()) {
            return new CommandReply.OpenModal(new Modals(names.catalog()).declare());
        }
        return declare(IncidentKind.OUTAGE, declare.targets(), declare.reason(), invoker);
    }

    /**
     * Opens an incident, or widens the open one about the same provider (one provider's problem is one incident);
     * when that one already covers every target, it says which.
     */
    public CommandReply declare(IncidentKind kind, List<Target> targets, Optional<String> reason, Invoker invoker) {
        if (!onCall.mayChange(invoker.userId())) {
            return refused(words.get("command.may.declare"));
        }
        Optional<Incident> about = incidents.openIncidentAbout(targets);
        if (about.isPresent() && targets.stream().allMatch(t -> about.get().covers(t, names.catalog()))) {
            return CommandReply.say(words.get("command.already-covered", about.get().id(),
                    targets.stream().map(names::target).collect(Collectors.joining(", "))));
        }
        String title = reason.orElse(targets.stream().map(names::target).collect(Collectors.joining(", "))
                + " " + kind.word());
        return incident(incidents.openOrJoin(kind, title, targets, invoker.actor()),
                words.get(about.isPresent() ? "command.done.added" : "command.done.opened"));
    }

    private CommandReply routing(RoutingOutcome outcome, String done) {
        if (outcome instanceof RoutingOutcome.Rejected rejected) {
            return CommandReply.say(words.get("command.rejected", rejected.reason()));
        }
        RoutingOutcome.Applied applied = (RoutingOutcome.Applied) outcome;
        StringBuilder text = new StringBuilder(done);
        if (!applied.changed().isEmpty()) {
            text.append(" ").append(applied.changed().stream().map(names::targetWithId)
                    .collect(Collectors.joining(", ")));
        }
        applied.incident().ifPresent(incident -> text.append(" (").append(incident.id()).append(")"));
        text.append('.');
        if (!applied.unchanged().isEmpty()) {
            text.append(words.get("command.already-so", applied.unchanged().stream().map(names::targetWithId)
                    .collect(Collectors.joining(", "))));
        }
        applied.routes().forEach(route -> text.append("\n• ").append(names.taskClass(route.after().taskClass()))
                .append(": ").append(names.route(route.after())));
        return CommandReply.say(text.toString());
    }

    private CommandReply incident(IncidentChange change, String done) {
        if (change instanceof IncidentChange.Rejected rejected) {
            return CommandReply.say(words.get("command.rejected", capitalised(rejected.reason())));
        }
        Incident incident = ((IncidentChange.Applied) change).incident();
        return CommandReply.say(words.get("command.done.incident", done, incident.id(), incident.state().word()));
    }

    private CommandReply summary(IncidentId id) {
        return reports.of(id).<CommandReply>map(report -> new CommandReply.Ephemeral(
                new ManagerSummary(names, words).render(report)))
                .orElseGet(() -> CommandReply.say(words.get("command.no-incident", id)));
    }

    private CommandReply audit(DetourCommand.Audit command) {
        AuditQuery query = command.query();
        if (command.since().isPresent()) {
            query = new AuditQuery(query.incident(), query.subject(),
                    Optional.of(new PlausibleTimes(clock).ago(command.since().get())), Optional.empty(), 0,
                    query.limit());
        }
        List<dev.detour.incidents.audit.StoredAuditRecord> records = audit.search(query.newest(AUDIT_LINES));
        AuditMessage.Filter filter = new AuditMessage.Filter(query.incident(), query.subject(), command.since());
        return new CommandReply.Ephemeral(new AuditMessage(words).render(records, filter));
    }

    static SlackMessage help() {
        return new HelpMessage(Wording.english()).render(Arrays.stream(Verb.values())
                .map(verb -> new HelpMessage.Command(verb.word(), verb.usage(), verb.changesProduction()))
                .toList());
    }

    /** Someone outside on-call tried to change production: who may, and that nothing changed. */
    CommandReply refused(String what) {
        return CommandReply.say(words.get("command.refused", onCall.refusal(what)));
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
