package dev.detour.commands;

import dev.detour.incidents.application.Approvals;
import dev.detour.incidents.application.ChangePreviews;
import dev.detour.incidents.approval.Approval;
import dev.detour.incidents.application.MaintenanceService;
import dev.detour.incidents.application.RoutingOutcome;
import dev.detour.incidents.audit.AuditQuery;
import dev.detour.incidents.audit.StoredAuditRecord;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.recovery.Ramp;
import dev.detour.incidents.recovery.RampChange;
import dev.detour.incidents.recovery.RampCommand;
import dev.detour.incidents.recovery.RampRefusal;
import dev.detour.messages.RampText;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentState;
import dev.detour.incidents.incident.Refusal;
import dev.detour.incidents.incident.Resolution;
import dev.detour.incidents.maintenance.MaintenancePlan;
import dev.detour.incidents.maintenance.MaintenanceWindow;
import dev.detour.incidents.preview.PreviewOutcome;
import dev.detour.incidents.preview.ProposedChange;
import dev.detour.incidents.signals.PlausibleTimes;
import dev.detour.messages.AuditMessage;
import dev.detour.messages.ChangePreviewMessage;
import dev.detour.messages.IncidentCatchUp;
import dev.detour.messages.HelpMessage;
import dev.detour.messages.MaintenanceText;
import dev.detour.messages.ManagerSummary;
import dev.detour.messages.Modals;
import dev.detour.messages.Names;
import dev.detour.messages.RefusalText;
import dev.detour.messages.SlackMessage;
import dev.detour.messages.SlackText;
import dev.detour.messages.SlackTime;
import dev.detour.messages.StalePress;
import dev.detour.messages.StatusMessage;
import dev.detour.messages.WordKey;
import dev.detour.messages.Wording;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one entry for everything a person asks of Detour, typed, pressed or submitted: {@link #execute} checks that
 * the request is not a replay, checks permission from the command's one property ({@link
 * DetourCommand#changesProduction()}), carries it out through {@link Operations}, and says what happened. An
 * unexpected failure becomes an answer with a reference that the log repeats with the stack trace; nothing is
 * thrown at Slack.
 */
@Singleton
public class CommandHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CommandHandler.class);

    private final CommandParser parser;
    private final OnCallPolicy onCall;
    private final Operations operations;
    private final Names names;
    private final RefusalText refusals;
    private final Modals forms;
    private final MaintenanceText maintenanceText;
    private final Clock clock;
    private final Wording words;

    public CommandHandler(Catalog catalog, OnCallPolicy onCall, Operations operations, Clock clock, Wording words) {
        this.words = words;
        this.parser = new CommandParser(catalog, words);
        this.onCall = onCall;
        this.operations = operations;
        this.names = new Names(catalog);
        this.refusals = new RefusalText(names, words);
        this.forms = new Modals(catalog, words);
        this.maintenanceText = new MaintenanceText(names, words);
        this.clock = clock;
    }

    public DetourCommand parse(String text) {
        return parser.parse(text);
    }

    /** Whether {@code command} can be answered at once, before Slack's 3 s ack: no database, no Slack call. */
    public static boolean answersAtOnce(DetourCommand command) {
        return command instanceof DetourCommand.Invalid || command instanceof DetourCommand.Help;
    }

    /** For requests that cannot be replayed: the console, the demo, Socket Mode. */
    public CommandReply execute(DetourCommand command, Invoker invoker) {
        return execute(command, invoker, Delivery.UNREPEATABLE);
    }

    /** @return what the person sees; {@link CommandReply.Silent} for a replay, which has no effect */
    public CommandReply execute(DetourCommand command, Invoker invoker, Delivery delivery) {
        try {
            if (!delivery.isFirst()) {
                LOG.warn("A request arrived again with the signature it had before; acknowledged, not run again");
                return new CommandReply.Silent();
            }
            if (command.changesProduction() && !onCall.mayChange(invoker.userId())) {
                return CommandReply.say(words.get(WordKey.COMMAND_REFUSED, onCall.refusal(whatIsRefused(command))));
            }
            return carryOut(command, invoker);
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("command {} by {} failed (reference {})", command, invoker.userId(), reference, e);
            return CommandReply.say(words.get(WordKey.COMMAND_FAILED, reference));
        }
    }

    private String whatIsRefused(DetourCommand command) {
        if (command instanceof DetourCommand.Acknowledge) {
            return words.get(WordKey.COMMAND_MAY_ACKNOWLEDGE);
        } else if (command instanceof DetourCommand.Declare declare && declare.opensForm()) {
            return words.get(WordKey.COMMAND_MAY_DECLARE);
        } else if (command instanceof DetourCommand.OpenForm open) {
            return words.get(open.form() == DetourCommand.Form.UPDATE ? WordKey.COMMAND_MAY_UPDATE
                    : WordKey.COMMAND_MAY_RESOLVE);
        }
        return words.get(WordKey.COMMAND_MAY_RUN, command.verb().map(Verb::word).orElse(""));
    }

    private CommandReply carryOut(DetourCommand command, Invoker invoker) {
        if (command instanceof DetourCommand.Invalid invalid) {
            // The problem quotes what was typed: shown as typed, never as Slack markup (see docs/slack.md).
            return CommandReply.say(words.get(WordKey.COMMAND_INVALID, SlackText.escape(invalid.problem()),
                    SlackText.escape(invalid.usage())));
        } else if (command instanceof DetourCommand.Help) {
            return new CommandReply.Ephemeral(help(words));
        } else if (command instanceof DetourCommand.Status status) {
            return status.incident().map(this::catchUp).orElseGet(() ->
                    new CommandReply.Ephemeral(new StatusMessage(names, words).render(operations.status())));
        } else if (command instanceof DetourCommand.Declare declare) {
            return declare.opensForm() ? new CommandReply.OpenModal(forms.declare()) : declare(declare, invoker);
        } else if (command instanceof DetourCommand.Acknowledge acknowledge) {
            return incident(operations.acknowledge(acknowledge.incident(), invoker.actor()),
                    words.get(WordKey.COMMAND_DONE_ACKNOWLEDGED));
        } else if (command instanceof DetourCommand.OpenForm open) {
            return new CommandReply.OpenModal(open.form() == DetourCommand.Form.UPDATE
                    ? forms.postUpdate(open.incident()) : forms.resolve(open.incident()));
        } else if (command instanceof DetourCommand.Disable disable) {
            boolean secondApprover = operations.needsSecondApprover(disable.targets(), invoker.actor());
            if (asksFirst(disable.targets()) || secondApprover) {
                PreviewOutcome outcome = operations.preview(new ProposedChange.Disable(disable.targets()));
                if (outcome instanceof PreviewOutcome.Previewed previewed && !previewed.preview().changesNothing()) {
                    if (!asksFirst(disable.targets())) { // no Confirm first: the request for approval at once
                        return approval(operations.requestApproval(new ProposedChange.Disable(disable.targets()),
                                previewed.preview().version(), invoker.actor(), disable.reason()), disable.reason());
                    }
                    return new CommandReply.Ephemeral(new ChangePreviewMessage(names, words)
                            .confirmation(previewed.preview(), disable.reason(), false, secondApprover));
                }
            }
            return switched(operations.disable(disable.targets(), invoker.actor(), disable.reason()), false);
        } else if (command instanceof DetourCommand.DisableNow now) {
            return approval(operations.emergency(now.targets(), invoker.actor(), now.reason()), now.reason());
        } else if (command instanceof DetourCommand.Approve approve) {
            return approval(operations.approve(approve.request(), invoker.actor(),
                    onCall.mayChange(invoker.userId())), Optional.empty());
        } else if (command instanceof DetourCommand.ApplyNow applyNow) {
            return approval(operations.applyNow(applyNow.request(), invoker.actor()), Optional.empty());
        } else if (command instanceof DetourCommand.Review review) {
            return approval(operations.review(review.emergency(), invoker.actor(),
                    onCall.mayChange(invoker.userId())), Optional.empty());
        } else if (command instanceof DetourCommand.Confirm confirm) {
            if (operations.needsSecondApprover(confirm.targets(), invoker.actor())) {
                return approval(operations.requestApproval(new ProposedChange.Disable(confirm.targets()),
                        confirm.version(), invoker.actor(), confirm.reason()), confirm.reason());
            }
            return confirmed(confirm, invoker);
        } else if (command instanceof DetourCommand.Cancel) {
            return new CommandReply.Ephemeral(SlackMessage.plain(words.get(WordKey.PREVIEW_CANCELLED)), true);
        } else if (command instanceof DetourCommand.Enable enable) {
            RoutingOutcome outcome = operations.enable(enable.targets(), invoker.actor(), enable.reason(),
                    enable.atOnce());
            if (outcome instanceof RoutingOutcome.Applied applied && !applied.ramping().isEmpty()) {
                return rampsStarted(applied, invoker);
            }
            CommandReply done = switched(outcome, true);
            if (outcome instanceof RoutingOutcome.Rejected || !(done instanceof CommandReply.Ephemeral answer)) {
                return done;
            }
            String warnings = new EnableWarnings(names, words).of(enable.targets(), operations.status());
            return warnings.isEmpty() ? done : CommandReply.say(answer.message().text() + warnings);
        } else if (command instanceof DetourCommand.Ramp ramp) {
            return ramp(ramp, invoker);
        } else if (command instanceof DetourCommand.Route route) {
            RoutingOutcome outcome = operations.override(route.taskClass(), route.override(), invoker.actor());
            return routing(outcome, route.override()
                    .map(o -> words.get(WordKey.COMMAND_DONE_ROUTE, route.taskClass(), o.describe()))
                    .orElse(words.get(WordKey.COMMAND_DONE_ROUTE_RELEASED, route.taskClass())));
        } else if (command instanceof DetourCommand.DryRun dryRun) {
            return preview(operations.preview(dryRun.change()));
        } else if (command instanceof DetourCommand.Consent consent) {
            RoutingOutcome outcome = operations.answerConsent(consent.taskClass(), consent.answer(), invoker.actor());
            if (outcome instanceof RoutingOutcome.Rejected rejected
                    && rejected.refusal() instanceof Refusal.NoOpenQuestion) {
                // A question answered already (or overtaken): what happened, and the way on from here.
                Optional<String> stale = new StalePress(names, words).consent(consent.taskClass(),
                        operations.status(), operations.lastConsentAnswer(consent.taskClass()));
                if (stale.isPresent()) {
                    return CommandReply.say(stale.get());
                }
            }
            return routing(outcome, words.get(WordKey.COMMAND_DONE_CONSENT,
                    words.get(WordKey.answer(consent.answer())), consent.taskClass()));
        } else if (command instanceof DetourCommand.Update update) {
            // Whoever posts for customers is told the exact words they read.
            return incident(operations.postUpdate(update.incident(), update.text(), invoker.actor()),
                    update.text().customerPart().map(customers -> words.get(WordKey.COMMAND_DONE_UPDATE_PUBLIC,
                            SlackText.escape(customers))).orElseGet(() -> words.get(WordKey.COMMAND_DONE_UPDATE)));
        } else if (command instanceof DetourCommand.ChangeState change) {
            if (change.state() == IncidentState.RESOLVED) {
                return incident(operations.resolve(change.incident(), invoker.actor(), Resolution.summary("")),
                        words.get(WordKey.COMMAND_DONE_RESOLVED));
            }
            return incident(operations.changeState(change.incident(), change.state(), invoker.actor()),
                    words.get(WordKey.COMMAND_DONE_STATE, words.get(WordKey.state(change.state()))));
        } else if (command instanceof DetourCommand.Retitle retitle) {
            return incident(operations.retitle(retitle.incident(), retitle.title(), invoker.actor()),
                    words.get(WordKey.COMMAND_DONE_TITLE));
        } else if (command instanceof DetourCommand.SetKind setKind) {
            return incident(operations.setKind(setKind.incident(), setKind.kind(), invoker.actor()),
                    words.get(WordKey.COMMAND_DONE_KIND, words.get(WordKey.kindWord(setKind.kind()))));
        } else if (command instanceof DetourCommand.Resolve resolve) {
            return incident(operations.resolve(resolve.incident(), invoker.actor(), resolve.resolution()),
                    words.get(WordKey.COMMAND_DONE_RESOLVED));
        } else if (command instanceof DetourCommand.Reopen reopen) {
            return incident(operations.reopen(reopen.incident(), invoker.actor(), reopen.reason().orElse("")),
                    words.get(WordKey.COMMAND_DONE_REOPENED));
        } else if (command instanceof DetourCommand.Summary summary) {
            return summary(summary.incident(), summary.full());
        } else if (command instanceof DetourCommand.Audit auditCommand) {
            return audit(auditCommand);
        } else if (command instanceof DetourCommand.ScheduleMaintenance schedule) {
            return scheduleMaintenance(schedule, invoker);
        } else if (command instanceof DetourCommand.ListMaintenance) {
            return CommandReply.say(maintenanceText.list(operations.maintenanceWindows(), clock.instant()));
        } else if (command instanceof DetourCommand.CancelMaintenance cancel) {
            MaintenanceService.CancelOutcome outcome = operations.cancelMaintenance(cancel.id(), invoker.actor());
            if (outcome instanceof MaintenanceService.CancelOutcome.Cancelled cancelled) {
                return CommandReply.say(maintenanceText.cancelled(cancelled.window(), clock.instant()));
            }
            return CommandReply.say(words.get(outcome instanceof MaintenanceService.CancelOutcome.NotFound
                    ? WordKey.MAINTENANCE_CANCEL_NOT_FOUND : WordKey.MAINTENANCE_CANCEL_OVER, cancel.id()));
        } else if (command instanceof DetourCommand.Subscribe subscribe) {
            boolean changed = operations.subscribe(invoker.userId(), subscribe.on());
            return CommandReply.say(words.get(subscribe.on() ? (changed ? WordKey.SUBSCRIBE_DONE : WordKey.SUBSCRIBE_ALREADY)
                    : (changed ? WordKey.UNSUBSCRIBE_DONE : WordKey.UNSUBSCRIBE_ALREADY)));
        }
        throw new IllegalStateException("unhandled command " + command);
    }

    /** Times typed relative to now ({@code in 2h}) are resolved here, with the injected clock. */
    private CommandReply scheduleMaintenance(DetourCommand.ScheduleMaintenance schedule, Invoker invoker) {
        Instant now = clock.instant();
        Instant from = schedule.from().resolve(now, now);
        Instant until = schedule.until().resolve(now, from);
        MaintenanceService.ScheduleOutcome outcome = operations.scheduleMaintenance(new MaintenancePlan(
                schedule.targets(), from, until, schedule.reason()), invoker.actor());
        if (outcome instanceof MaintenanceService.ScheduleOutcome.Refused refused) {
            return CommandReply.say(words.get(WordKey.COMMAND_REJECTED, maintenanceText.refused(refused.problem(),
                    now)));
        }
        MaintenanceWindow window = ((MaintenanceService.ScheduleOutcome.Scheduled) outcome).window();
        return CommandReply.say(maintenanceText.scheduled(window, operations.maintenancePolicy(window), now));
    }

    /**
     * Opens an incident, or widens the open one about the same provider (one provider's problem is one incident);
     * when that one already covers every target, it says which.
     */
    private CommandReply declare(DetourCommand.Declare declare, Invoker invoker) {
        Optional<Incident> about = operations.openIncidentAbout(declare.targets());
        if (about.isPresent() && declare.targets().stream().allMatch(t -> about.get().covers(t, names.catalog()))) {
            return CommandReply.say(words.get(WordKey.COMMAND_ALREADY_COVERED, about.get().id(),
                    declare.targets().stream().map(names::target).collect(Collectors.joining(", "))));
        }
        // Without a reason the incident has no title of its own: messages name it by kind and targets.
        return incident(operations.openOrJoin(declare.kind(), declare.reason().orElse(""), declare.targets(),
                invoker.actor()),
                words.get(about.isPresent() ? WordKey.COMMAND_DONE_ADDED : WordKey.COMMAND_DONE_OPENED));
    }

    /** Switching targets; when every one of them was that way already, the way back instead. */
    /** The answer to {@code enable} when staged targets started ramps: each one's first step and next step time. */
    private CommandReply rampsStarted(RoutingOutcome.Applied applied, Invoker invoker) {
        RampText text = new RampText(names, words);
        StringBuilder answer = new StringBuilder();
        if (!applied.changed().isEmpty()) {
            CommandReply switchedOn = routing(new RoutingOutcome.Applied(applied.incident(), applied.changed(),
                    applied.unchanged(), applied.routes()), words.get(WordKey.COMMAND_DONE_ENABLED));
            answer.append(((CommandReply.Ephemeral) switchedOn).message().text()).append('\n');
        }
        for (Target target : applied.ramping()) {
            RampChange status = operations.ramp(target, RampCommand.STATUS, invoker.actor(), Optional.empty());
            if (status instanceof RampChange.Unchanged current && current.ramp().share().isPresent()) {
                answer.append(text.started(target, current.ramp().share().get(), clock.instant())).append('\n');
            }
        }
        return CommandReply.say(answer.toString().strip());
    }

    /** {@code /detour ramp <target> ...}: the ramp's line for status, what changed, or why nothing did. */
    private CommandReply ramp(DetourCommand.Ramp command, Invoker invoker) {
        RampText text = new RampText(names, words);
        RampChange change = operations.ramp(command.target(), command.command(), invoker.actor(), command.reason());
        Instant now = clock.instant();
        if (change instanceof RampChange.Refused refused) {
            return CommandReply.say(text.refusal(refused.refusal()));
        } else if (change instanceof RampChange.Unchanged unchanged) {
            Ramp ramp = unchanged.ramp();
            return CommandReply.say(ramp.share().map(share -> text.line(share, Optional.of(ramp.evidence()), now))
                    .orElseGet(() -> text.refusal(new RampRefusal.NoRamp(command.target()))));
        }
        RampChange.Moved moved = (RampChange.Moved) change;
        Ramp ramp = moved.ramp();
        DetourEvent.RampMoved event = new DetourEvent.RampMoved(now, invoker.actor(), ramp.target(),
                names.target(ramp.target()), moved.move(), ramp.share(), Optional.empty(), command.reason(),
                Optional.empty());
        return CommandReply.say(words.get(WordKey.COMMAND_DONE_RAMP, text.reply(event, now)));
    }

    private CommandReply switched(RoutingOutcome outcome, boolean on) {
        if (outcome instanceof RoutingOutcome.Applied applied && applied.changed().isEmpty()
                && !applied.unchanged().isEmpty()) {
            return CommandReply.say(new StalePress(names, words).alreadySwitched(applied.unchanged(), on));
        }
        return routing(outcome, words.get(on ? WordKey.COMMAND_DONE_ENABLED : WordKey.COMMAND_DONE_DISABLED));
    }

    private CommandReply routing(RoutingOutcome outcome, String done) {
        if (outcome instanceof RoutingOutcome.Rejected rejected) {
            return CommandReply.say(words.get(WordKey.COMMAND_REJECTED, refusals.of(rejected.refusal())));
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
            text.append(words.get(WordKey.COMMAND_ALREADY_SO, applied.unchanged().stream().map(names::targetWithId)
                    .collect(Collectors.joining(", "))));
        }
        applied.routes().forEach(route -> text.append("\n• ").append(names.taskClass(route.after().taskClass()))
                .append(": ").append(names.route(route.after(), words)));
        return CommandReply.say(text.toString());
    }

    /** Whether disabling {@code targets} shows its preview with Confirm first ({@code detour.policy.confirm}). */
    private boolean asksFirst(List<Target> targets) {
        return switch (operations.confirmPolicy()) {
            case ANY -> true;
            case PROVIDER -> targets.stream().anyMatch(target -> target.fold(provider -> true, model -> false));
            case NEVER -> false;
        };
    }

    /** The previewed switch-off, made if nothing moved since the preview; otherwise the preview as it is now. */
    private CommandReply confirmed(DetourCommand.Confirm confirm, Invoker invoker) {
        ChangePreviews.Applying applying = operations.confirm(new ProposedChange.Disable(confirm.targets()),
                confirm.version(), invoker.actor(), confirm.reason(), confirm.scope());
        if (applying instanceof ChangePreviews.Applying.Applied applied) {
            return replacingPreview(switched(applied.outcome(), false));
        }
        PreviewOutcome now = ((ChangePreviews.Applying.StateMoved) applying).current();
        if (now instanceof PreviewOutcome.Previewed previewed) {
            return new CommandReply.Ephemeral(new ChangePreviewMessage(names, words)
                    .confirmation(previewed.preview(), confirm.reason(), true), true);
        }
        return replacingPreview(preview(now));
    }

    /** What settles a Confirm-first preview takes its place (docs/slack.md, "Confirm first"). */
    private static CommandReply replacingPreview(CommandReply reply) {
        return reply instanceof CommandReply.Ephemeral ephemeral ? ephemeral.replacingPreview() : reply;
    }

    /** What a request for approval, a press of Approve, Apply now or Review, or an emergency apply came to. */
    private CommandReply approval(Approvals.Outcome outcome, Optional<String> reason) {
        if (outcome instanceof Approvals.Outcome.Requested requested) {
            Approval approval = requested.approval();
            return CommandReply.say(words.get(WordKey.ANSWER_APPROVAL_ASKED, approval.targets().stream()
                    .map(names::target).collect(Collectors.joining(", ")), approval.incident(), onCall.mentions(),
                    SlackTime.slack(approval.expiresAt(), clock.instant())));
        } else if (outcome instanceof Approvals.Outcome.Approved approved) {
            return prefixed(WordKey.ANSWER_APPROVAL_DONE, switched(approved.outcome(), false));
        } else if (outcome instanceof Approvals.Outcome.Emergency emergency) {
            return prefixed(WordKey.ANSWER_EMERGENCY_DONE, switched(emergency.outcome(), false));
        } else if (outcome instanceof Approvals.Outcome.Switched switchedOnly) {
            return switched(switchedOnly.outcome(), false);
        } else if (outcome instanceof Approvals.Outcome.Reviewed) {
            return CommandReply.say(words.get(WordKey.ANSWER_REVIEW_DONE));
        } else if (outcome instanceof Approvals.Outcome.Moved moved) {
            if (moved.replacement().isPresent()) {
                return CommandReply.say(words.get(WordKey.ANSWER_APPROVAL_MOVED));
            }
            if (moved.current() instanceof PreviewOutcome.Previewed previewed) {
                return new CommandReply.Ephemeral(new ChangePreviewMessage(names, words)
                        .confirmation(previewed.preview(), reason, true, true));
            }
            return preview(moved.current());
        } else if (outcome instanceof Approvals.Outcome.Rejected rejected) {
            return CommandReply.say(words.get(WordKey.COMMAND_REJECTED, refusals.of(rejected.refusal())));
        } else if (outcome instanceof Approvals.Outcome.Refused refused) {
            boolean emergency = refused.approval().kind() == Approval.Kind.EMERGENCY;
            return CommandReply.say(switch (refused.reason()) {
                case SELF -> words.get(emergency ? WordKey.ANSWER_REVIEW_SELF : WordKey.ANSWER_APPROVAL_SELF);
                case NOT_ON_CALL -> words.get(WordKey.ANSWER_APPROVAL_NOT_ON_CALL, onCall.mentions());
                case EXPIRED -> words.get(WordKey.ANSWER_APPROVAL_EXPIRED,
                        SlackTime.slack(refused.approval().expiresAt(), clock.instant()));
                case STATE_MOVED -> words.get(WordKey.ANSWER_APPROVAL_MOVED);
                case SETTLED -> words.get(WordKey.ANSWER_APPROVAL_SETTLED);
            });
        }
        return CommandReply.say(words.get(WordKey.ANSWER_APPROVAL_UNKNOWN));
    }

    private CommandReply prefixed(WordKey key, CommandReply done) {
        return done instanceof CommandReply.Ephemeral answer
                ? CommandReply.say(words.get(key, answer.message().text())) : done;
    }

    /** The preview, or the refusal in the words the change itself would get. */
    private CommandReply preview(PreviewOutcome outcome) {
        if (outcome instanceof PreviewOutcome.Refused refused) {
            return CommandReply.say(words.get(WordKey.COMMAND_REJECTED, refusals.of(refused.refusal())));
        }
        return new CommandReply.Ephemeral(new ChangePreviewMessage(names, words)
                .render(((PreviewOutcome.Previewed) outcome).preview()));
    }

    private CommandReply incident(IncidentChange change, String done) {
        if (change instanceof IncidentChange.Rejected rejected) {
            return CommandReply.say(words.get(WordKey.COMMAND_REJECTED, capitalised(refusals.of(rejected.refusal()))));
        }
        Incident incident = ((IncidentChange.Applied) change).incident();
        return CommandReply.say(words.get(WordKey.COMMAND_DONE_INCIDENT, done, incident.id(),
                words.get(WordKey.state(incident.state()))));
    }

    /** Five lines for someone joining late. */
    private CommandReply catchUp(IncidentId id) {
        return operations.report(id).<CommandReply>map(report -> new CommandReply.Ephemeral(
                        new IncidentCatchUp(names, words).render(report, operations.status(),
                                operations.nextUpdateBy(id))))
                .orElseGet(() -> CommandReply.say(words.get(WordKey.COMMAND_NO_INCIDENT, id)));
    }

    private CommandReply summary(IncidentId id, boolean full) {
        ManagerSummary summary = new ManagerSummary(names, words);
        return operations.report(id).<CommandReply>map(report -> new CommandReply.Ephemeral(
                full ? summary.renderFull(report) : summary.render(report)))
                .orElseGet(() -> CommandReply.say(words.get(WordKey.COMMAND_NO_INCIDENT, id)));
    }

    /** One page, newest first; one record more than a page is read to know whether an older page exists. */
    private CommandReply audit(DetourCommand.Audit command) {
        int size = DetourCommand.Audit.PAGE;
        AuditQuery query = command.query()
                .since(command.since().map(since -> new PlausibleTimes(clock).ago(since)))
                .withReceipts(command.all())
                .newest(size + 1)
                .skipping((long) (command.page() - 1) * size);
        List<StoredAuditRecord> found = operations.audit(query);
        boolean older = found.size() > size && command.page() < DetourCommand.Audit.LAST_PAGE;
        List<StoredAuditRecord> records = found.subList(0, Math.min(size, found.size()));
        AuditMessage.Filter filter = new AuditMessage.Filter(query.incident(), query.subject(), command.since(),
                command.all());
        AuditMessage.Page page = new AuditMessage.Page(command.page(),
                older ? Optional.of(command.pageCommand(command.page() + 1)) : Optional.empty());
        return new CommandReply.Ephemeral(new AuditMessage(words).render(records, filter, page, clock.instant()));
    }

    static SlackMessage help(Wording words) {
        return new HelpMessage(words).render(Arrays.stream(Verb.values())
                .map(verb -> new HelpMessage.Command(verb.description(), verb.usage(), verb.changesProduction()))
                .toList());
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
