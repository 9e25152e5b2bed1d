package dev.detour.commands;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.Target;
import dev.detour.incidents.incident.TextLimits;
import dev.detour.messages.Interactions;
import dev.detour.messages.Modals;
import dev.detour.messages.Wording;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Buttons, menus and modals: each press or submission becomes the same command a person could have typed, so
 * it gets the same checks, the same permission rule and the same audit trail.
 */
@Singleton
public class InteractionHandler {
    private final CommandHandler commands;
    private final OnCallPolicy onCall;
    private final Catalog catalog;
    private final Wording words = Wording.english();

    public InteractionHandler(CommandHandler commands, OnCallPolicy onCall, Catalog catalog) {
        this.commands = commands;
        this.onCall = onCall;
        this.catalog = catalog;
    }

    /**
     * A button press or menu choice on a Detour message.
     *
     * @param actionId the element's action id (target buttons carry a {@code :target} suffix)
     * @param value    the button's value or the chosen option's value
     */
    public CommandReply press(String actionId, String value, Invoker invoker) {
        String action = actionId.contains(":") ? actionId.substring(0, actionId.indexOf(':')) : actionId;
        String[] parts = value == null ? new String[0] : value.strip().split("\\s+");
        Optional<IncidentId> incident = parts.length == 0 ? Optional.empty() : IncidentId.parse(parts[0]);
        return switch (action) {
            case Interactions.ACKNOWLEDGE -> incident.map(id -> commands.acknowledge(id, invoker))
                    .orElseGet(() -> unknown(actionId));
            case Interactions.DISABLE, Interactions.DISABLE_MENU -> targetAction(parts, false, invoker);
            case Interactions.ENABLE, Interactions.ENABLE_MENU -> targetAction(parts, true, invoker);
            case Interactions.POST_UPDATE -> modal(incident, invoker, words.get("command.may.update"),
                    id -> new Modals(catalog).postUpdate(id));
            case Interactions.RESOLVE -> modal(incident, invoker, words.get("command.may.resolve"),
                    id -> new Modals(catalog).resolve(id));
            case Interactions.CHANGE_STATE -> parts.length == 2 && incident.isPresent()
                    ? commands.handle(commands.parse("state " + parts[0] + " " + parts[1]), invoker)
                    : unknown(actionId);
            case Interactions.CONSENT_APPROVE, Interactions.CONSENT_DENY -> consent(action, parts, invoker);
            default -> unknown(actionId);
        };
    }

    /** The "Declare AI incident" shortcut and {@code /detour declare} without arguments. */
    public CommandReply declareForm(Invoker invoker) {
        if (!onCall.mayChange(invoker.userId())) {
            return commands.refused(words.get("command.may.declare"));
        }
        return new CommandReply.OpenModal(new Modals(catalog).declare());
    }

    /**
     * A submitted modal.
     *
     * @param values      the state of its inputs: block id → selected values or typed text
     * @param privateMeta the incident id the modal is about, when it is about one
     */
    public SubmissionReply submit(String callbackId, String privateMeta, Map<String, List<String>> values,
                                  Invoker invoker) {
        if (!onCall.mayChange(invoker.userId())) {
            return new SubmissionReply.Errors(Map.of(firstInput(callbackId),
                    onCall.refusal(words.get("command.may.submit"))));
        }
        return switch (callbackId) {
            case Interactions.DECLARE_MODAL -> submitDeclare(values, invoker);
            case Interactions.UPDATE_MODAL -> submitText(privateMeta, values, Interactions.UPDATE_INPUT, invoker,
                    (id, text) -> new DetourCommand.Update(id, text));
            case Interactions.RESOLVE_MODAL -> submitText(privateMeta, values, Interactions.SUMMARY_INPUT, invoker,
                    (id, text) -> new DetourCommand.Resolve(id, Optional.of(text).filter(t -> !t.isBlank())));
            default -> new SubmissionReply.Close(CommandReply.say(words.get("form.unknown", callbackId)));
        };
    }

    private SubmissionReply submitDeclare(Map<String, List<String>> values, Invoker invoker) {
        List<Target> targets = new ArrayList<>();
        for (String value : values.getOrDefault(Interactions.TARGETS_INPUT, List.of())) {
            int colon = value.indexOf(':');
            Target target;
            try {
                target = Target.of(value.substring(0, Math.max(colon, 0)), value.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                return new SubmissionReply.Errors(Map.of(Interactions.TARGETS_INPUT,
                        words.get("form.unknown-choice", value)));
            }
            // The form lists the catalog of when it was opened; the config may have changed since.
            if (!configured(target)) {
                return new SubmissionReply.Errors(Map.of(Interactions.TARGETS_INPUT,
                        words.get("form.not-configured", target.id())));
            }
            targets.add(target);
        }
        if (targets.isEmpty()) {
            return new SubmissionReply.Errors(Map.of(Interactions.TARGETS_INPUT, words.get("form.choose-one")));
        }
        String kindWord = values.getOrDefault(Interactions.KIND_INPUT, List.of("outage")).stream().findFirst()
                .orElse("outage");
        Optional<IncidentKind> kind = IncidentKind.fromWord(kindWord);
        if (kind.isEmpty()) {
            return new SubmissionReply.Errors(Map.of(Interactions.KIND_INPUT,
                    words.get("form.unknown-kind", kindWord)));
        }
        Optional<String> reason = values.getOrDefault(Interactions.REASON_INPUT, List.of()).stream().findFirst()
                .map(String::strip).filter(text -> !text.isEmpty());
        if (reason.isPresent() && reason.get().length() > TextLimits.TITLE) {
            return new SubmissionReply.Errors(Map.of(Interactions.REASON_INPUT,
                    words.get("form.at-most", String.valueOf(TextLimits.TITLE))));
        }
        return new SubmissionReply.Close(commands.declare(kind.get(), targets, reason, invoker));
    }

    private boolean configured(Target target) {
        return target.fold(provider -> catalog.provider(provider).isPresent(),
                model -> catalog.model(model).isPresent());
    }

    private interface TextCommand {
        DetourCommand of(IncidentId incident, String text);
    }

    private SubmissionReply submitText(String privateMeta, Map<String, List<String>> values, String input,
                                       Invoker invoker, TextCommand command) {
        Optional<IncidentId> incident = IncidentId.parse(privateMeta == null ? "" : privateMeta);
        if (incident.isEmpty()) {
            return new SubmissionReply.Close(CommandReply.say(words.get("form.lost-incident")));
        }
        String text = values.getOrDefault(input, List.of()).stream().findFirst().orElse("").strip();
        if (input.equals(Interactions.UPDATE_INPUT) && text.isEmpty()) {
            return new SubmissionReply.Errors(Map.of(input, words.get("form.write-update")));
        }
        if (text.length() > TextLimits.TEXT) {
            return new SubmissionReply.Errors(Map.of(input,
                    words.get("form.at-most", String.valueOf(TextLimits.TEXT))));
        }
        return new SubmissionReply.Close(commands.handle(command.of(incident.get(), text), invoker));
    }

    private CommandReply targetAction(String[] parts, boolean enable, Invoker invoker) {
        if (parts.length != 2 || IncidentId.parse(parts[0]).isEmpty() || !parts[1].contains(":")) {
            return unknown(enable ? Interactions.ENABLE : Interactions.DISABLE);
        }
        String id = parts[1].substring(parts[1].indexOf(':') + 1);
        String reason = " -- from " + parts[0] + "'s message";
        return commands.handle(commands.parse((enable ? "enable " : "disable ") + id + reason), invoker);
    }

    private CommandReply consent(String action, String[] parts, Invoker invoker) {
        if (parts.length != 1 || catalog.taskClasses().stream().noneMatch(t -> t.id().value().equals(parts[0]))) {
            return unknown(action);
        }
        ConsentAnswer answer = action.equals(Interactions.CONSENT_APPROVE) ? ConsentAnswer.APPROVE
                : ConsentAnswer.DENY;
        return commands.handle(new DetourCommand.Consent(TaskClassId.of(parts[0]), answer), invoker);
    }

    private CommandReply modal(Optional<IncidentId> incident, Invoker invoker, String what,
                               java.util.function.Function<IncidentId, com.slack.api.model.view.View> view) {
        if (incident.isEmpty()) {
            return unknown("modal");
        }
        if (!onCall.mayChange(invoker.userId())) {
            return commands.refused(what);
        }
        return new CommandReply.OpenModal(view.apply(incident.get()));
    }

    private CommandReply unknown(String what) {
        return CommandReply.say(words.get("button.unknown", what));
    }

    private static String firstInput(String callbackId) {
        return switch (callbackId) {
            case Interactions.UPDATE_MODAL -> Interactions.UPDATE_INPUT;
            case Interactions.RESOLVE_MODAL -> Interactions.SUMMARY_INPUT;
            default -> Interactions.TARGETS_INPUT;
        };
    }
}
