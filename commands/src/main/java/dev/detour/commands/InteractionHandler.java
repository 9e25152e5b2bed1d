package dev.detour.commands;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.recovery.RampCommand;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.IncidentState;
import dev.detour.incidents.incident.Resolution;
import dev.detour.incidents.incident.TextLimits;
import dev.detour.incidents.incident.UpdateText;
import dev.detour.messages.CustomerText;
import dev.detour.incidents.routing.RouteOverride;
import dev.detour.messages.Interactions;
import dev.detour.messages.Modals;
import dev.detour.messages.PreviewedDisable;
import dev.detour.messages.WordKey;
import dev.detour.messages.Wording;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Buttons, menus and forms: each press or submission becomes the {@link DetourCommand} a person could have typed,
 * built directly (never as text to parse again), and goes through {@link CommandHandler#execute}: the same
 * permission rule, the same error handling, the same audit trail. Forms are checked here in memory, so that their
 * mistakes are shown inside Slack's 3-second acknowledgement without touching the database.
 */
@Singleton
public class InteractionHandler {
    private final CommandHandler commands;
    private final Catalog catalog;
    private final Wording words;
    private final Modals forms;

    public InteractionHandler(CommandHandler commands, Catalog catalog, Wording words) {
        this.commands = commands;
        this.words = words;
        this.catalog = catalog;
        this.forms = new Modals(catalog, words);
    }

    /**
     * A button press or menu choice on a Detour message, carried out.
     *
     * @param actionId the element's action id (target buttons carry a {@code :target} suffix)
     * @param value    the button's value or the chosen option's value
     */
    public CommandReply press(String actionId, String value, Invoker invoker, Delivery delivery) {
        return command(actionId, value).map(command -> commands.execute(command, invoker, delivery))
                .orElseGet(() -> unknown(actionId));
    }

    /** The command a press stands for; empty for a button Detour does not know (from an older version, say). */
    public Optional<DetourCommand> command(String actionId, String value) {
        String action = actionId.contains(":") ? actionId.substring(0, actionId.indexOf(':')) : actionId;
        String[] parts = value == null || value.isBlank() ? new String[0] : value.strip().split("\\s+");
        Optional<IncidentId> incident = parts.length == 0 ? Optional.empty() : IncidentId.parse(parts[0]);
        return switch (action) {
            case Interactions.ACKNOWLEDGE -> incident.map(DetourCommand.Acknowledge::new);
            case Interactions.DISABLE, Interactions.DISABLE_MENU -> targetCommand(parts, false);
            case Interactions.ENABLE, Interactions.ENABLE_MENU -> targetCommand(parts, true);
            case Interactions.RAMP_RETRY -> rampCommand(parts, RampCommand.RETRY);
            case Interactions.RAMP_KEEP_OFF -> rampCommand(parts, RampCommand.KEEP_OFF);
            case Interactions.RAMP_PAUSE -> rampCommand(parts, RampCommand.PAUSE);
            case Interactions.RAMP_RESUME -> rampCommand(parts, RampCommand.RESUME);
            case Interactions.RAMP_ABORT -> rampCommand(parts, RampCommand.ABORT);
            case Interactions.RAMP_COMPLETE -> rampCommand(parts, RampCommand.COMPLETE);
            case Interactions.POST_UPDATE -> incident.map(id -> new DetourCommand.OpenForm(
                    DetourCommand.Form.UPDATE, id));
            case Interactions.RESOLVE -> incident.map(id -> new DetourCommand.OpenForm(
                    DetourCommand.Form.RESOLVE, id));
            case Interactions.CHANGE_STATE -> parts.length == 2 ? incident.flatMap(id -> IncidentState
                    .fromWord(parts[1].toLowerCase(Locale.ROOT)).map(state -> new DetourCommand.ChangeState(id, state)))
                    : Optional.empty();
            case Interactions.CONSENT_APPROVE -> consent(parts, ConsentAnswer.APPROVE);
            case Interactions.CONSENT_DENY -> consent(parts, ConsentAnswer.DENY);
            case Interactions.MOVE_NOW -> moveNow(parts);
            case Interactions.CONFIRM, Interactions.CONFIRM_NARROWER -> PreviewedDisable.parse(value)
                    .filter(previewed -> previewed.targets().stream().allMatch(this::configured))
                    .map(previewed -> new DetourCommand.Confirm(previewed.targets(), previewed.version(),
                            previewed.reason(), scope(previewed, action.equals(Interactions.CONFIRM_NARROWER))));
            case Interactions.CANCEL -> Optional.of(new DetourCommand.Cancel());
            case Interactions.APPROVE -> number(parts).map(DetourCommand.Approve::new);
            case Interactions.APPLY_NOW -> number(parts).map(DetourCommand.ApplyNow::new);
            case Interactions.REVIEW -> number(parts).map(DetourCommand.Review::new);
            default -> Optional.empty();
        };
    }

    /**
     * Which scope a Confirm-first button chooses, when the proposal named a whole provider: the button carries the
     * other scope its preview offered. Nothing for a button that does not say, or a proposal of models only.
     */
    private Optional<TimelineDetail.ScopeChosen> scope(PreviewedDisable previewed, boolean narrower) {
        if (previewed.alternative().isEmpty()) {
            return Optional.empty();
        }
        List<Target> other = previewed.alternative().get().stream().filter(this::configured).toList();
        List<Target> proposed = narrower ? other : previewed.targets();
        if (proposed.stream().noneMatch(target -> target.fold(provider -> true, model -> false))
                || narrower && other.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(narrower ? new TimelineDetail.ScopeChosen(other, previewed.targets(), true)
                : new TimelineDetail.ScopeChosen(previewed.targets(), other, false));
    }

    /**
     * A submitted form, checked in memory only (the catalog and text limits): no database, no Slack call, so
     * that it fits in the acknowledgement. Permission is checked when the command is carried out.
     *
     * @param values      the state of its inputs: block id → selected values or typed text
     * @param privateMeta the incident id the modal is about, when it is about one
     */
    public SubmissionReply submit(String callbackId, String privateMeta, Map<String, List<String>> values) {
        return switch (callbackId) {
            case Interactions.DECLARE_MODAL -> submitDeclare(values);
            case Interactions.UPDATE_MODAL -> submitUpdate(privateMeta, values);
            case Interactions.RESOLVE_MODAL -> submitText(privateMeta, values, Interactions.SUMMARY_INPUT,
                    (id, text) -> new DetourCommand.Resolve(id, new Resolution(text,
                            typed(values, Interactions.CAUSE_INPUT),
                            ResolutionText.followUpLines(typed(values, Interactions.FOLLOW_UPS_INPUT)),
                            CustomerText.of(typed(values, Interactions.RESOLVE_PUBLIC_INPUT)))));
            default -> new SubmissionReply.Close(CommandReply.say(words.get(WordKey.FORM_UNKNOWN, callbackId)));
        };
    }

    private SubmissionReply submitDeclare(Map<String, List<String>> values) {
        List<Target> targets = new ArrayList<>();
        for (String value : values.getOrDefault(Interactions.TARGETS_INPUT, List.of())) {
            int colon = value.indexOf(':');
            Target target;
            try {
                target = Target.of(value.substring(0, Math.max(colon, 0)), value.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                return new SubmissionReply.Errors(Map.of(Interactions.TARGETS_INPUT,
                        words.get(WordKey.FORM_UNKNOWN_CHOICE, value)));
            }
            // The form lists the catalog of when it was opened; the config may have changed since.
            if (!configured(target)) {
                return new SubmissionReply.Errors(Map.of(Interactions.TARGETS_INPUT,
                        words.get(WordKey.FORM_NOT_CONFIGURED, target.id())));
            }
            targets.add(target);
        }
        if (targets.isEmpty()) {
            return new SubmissionReply.Errors(Map.of(Interactions.TARGETS_INPUT, words.get(WordKey.FORM_CHOOSE_ONE)));
        }
        String kindWord = values.getOrDefault(Interactions.KIND_INPUT, List.of("outage")).stream().findFirst()
                .orElse("outage");
        Optional<IncidentKind> kind = IncidentKind.fromWord(kindWord);
        if (kind.isEmpty()) {
            return new SubmissionReply.Errors(Map.of(Interactions.KIND_INPUT,
                    words.get(WordKey.FORM_UNKNOWN_KIND, kindWord)));
        }
        Optional<String> reason = values.getOrDefault(Interactions.REASON_INPUT, List.of()).stream().findFirst()
                .map(String::strip).filter(text -> !text.isEmpty());
        if (reason.isPresent() && reason.get().length() > TextLimits.TITLE) {
            return new SubmissionReply.Errors(Map.of(Interactions.REASON_INPUT,
                    words.get(WordKey.FORM_AT_MOST, String.valueOf(TextLimits.TITLE))));
        }
        return new SubmissionReply.Accepted(new DetourCommand.Declare(targets, reason, kind.get()));
    }

    private boolean configured(Target target) {
        return target.fold(provider -> catalog.provider(provider).isPresent(),
                model -> catalog.model(model).isPresent());
    }

    private static String typed(Map<String, List<String>> values, String input) {
        return values.getOrDefault(input, List.of()).stream().findFirst().orElse("").strip();
    }

    /**
     * Either part may be empty, not both. A text for customers is posted only once the form has shown exactly what
     * customers will read and was sent again unchanged: until then the form comes back with that preview.
     *
     * @param privateMeta the incident id, then the fingerprint of the text for customers the form last showed
     */
    private SubmissionReply submitUpdate(String privateMeta, Map<String, List<String>> values) {
        String[] meta = privateMeta == null ? new String[0] : privateMeta.strip().split(" ");
        Optional<IncidentId> incident = meta.length == 0 ? Optional.empty() : IncidentId.parse(meta[0]);
        if (incident.isEmpty()) {
            return new SubmissionReply.Close(CommandReply.say(words.get(WordKey.FORM_LOST_INCIDENT)));
        }
        UpdateText typed = new UpdateText(typed(values, Interactions.UPDATE_INPUT),
                typed(values, Interactions.UPDATE_PUBLIC_INPUT));
        if (typed.isEmpty()) {
            return new SubmissionReply.Errors(Map.of(Interactions.UPDATE_INPUT, words.get(WordKey.FORM_WRITE_UPDATE)));
        }
        Map<String, String> tooLong = new HashMap<>();
        if (typed.internal().length() > TextLimits.TEXT) {
            tooLong.put(Interactions.UPDATE_INPUT, words.get(WordKey.FORM_AT_MOST, String.valueOf(TextLimits.TEXT)));
        }
        if (typed.customer().length() > TextLimits.TEXT) {
            tooLong.put(Interactions.UPDATE_PUBLIC_INPUT,
                    words.get(WordKey.FORM_AT_MOST, String.valueOf(TextLimits.TEXT)));
        }
        if (!tooLong.isEmpty()) {
            return new SubmissionReply.Errors(tooLong);
        }
        String customersRead = CustomerText.of(typed.customer());
        if (!customersRead.isEmpty()) {
            Optional<String> previewed = meta.length > 1 ? Optional.of(meta[1]) : Optional.empty();
            if (previewed.filter(CustomerText.fingerprint(customersRead)::equals).isEmpty()) {
                return new SubmissionReply.Preview(forms.postUpdatePreview(incident.get(), typed,
                        previewed.isPresent()));
            }
        }
        return new SubmissionReply.Accepted(new DetourCommand.Update(incident.get(),
                new UpdateText(typed.internal(), customersRead)));
    }

    private interface TextCommand {
        DetourCommand of(IncidentId incident, String text);
    }

    private SubmissionReply submitText(String privateMeta, Map<String, List<String>> values, String input,
                                       TextCommand command) {
        Optional<IncidentId> incident = IncidentId.parse(privateMeta == null ? "" : privateMeta);
        if (incident.isEmpty()) {
            return new SubmissionReply.Close(CommandReply.say(words.get(WordKey.FORM_LOST_INCIDENT)));
        }
        String text = values.getOrDefault(input, List.of()).stream().findFirst().orElse("").strip();
        if (text.length() > TextLimits.TEXT) {
            return new SubmissionReply.Errors(Map.of(input,
                    words.get(WordKey.FORM_AT_MOST, String.valueOf(TextLimits.TEXT))));
        }
        return new SubmissionReply.Accepted(command.of(incident.get(), text));
    }

    /** @param parts the incident whose message it is, and {@code provider:id} or {@code model:id} */
    /** A ramp's button: its value is the target ({@code model:gpt-5}); docs/recovery.md. */
    private Optional<DetourCommand> rampCommand(String[] parts, RampCommand command) {
        if (parts.length != 1 || !parts[0].contains(":")) {
            return Optional.empty();
        }
        Target target;
        try {
            target = Target.of(parts[0].substring(0, parts[0].indexOf(':')), parts[0].substring(parts[0].indexOf(':') + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return configured(target) ? Optional.of(new DetourCommand.Ramp(target, command, Optional.empty()))
                : Optional.empty();
    }

    private Optional<DetourCommand> targetCommand(String[] parts, boolean enable) {
        if (parts.length != 2 || IncidentId.parse(parts[0]).isEmpty() || !parts[1].contains(":")) {
            return Optional.empty();
        }
        Target target;
        try {
            target = Target.of(parts[1].substring(0, parts[1].indexOf(':')),
                    parts[1].substring(parts[1].indexOf(':') + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!configured(target)) { // a message from before the config changed
            return Optional.empty();
        }
        Optional<String> reason = Optional.of("from " + parts[0] + "'s message");
        return Optional.of(enable ? new DetourCommand.Enable(List.of(target), reason)
                : new DetourCommand.Disable(List.of(target), reason));
    }

    private Optional<DetourCommand> consent(String[] parts, ConsentAnswer answer) {
        if (parts.length != 1 || catalog.taskClasses().stream().noneMatch(t -> t.id().value().equals(parts[0]))) {
            return Optional.empty();
        }
        return Optional.of(new DetourCommand.Consent(TaskClassId.of(parts[0]), answer));
    }

    /** @param parts a task class and the model its timed-out question offered */
    private Optional<DetourCommand> moveNow(String[] parts) {
        if (parts.length != 2 || catalog.taskClasses().stream().noneMatch(t -> t.id().value().equals(parts[0]))
                || catalog.models().stream().noneMatch(m -> m.id().value().equals(parts[1]))) {
            return Optional.empty();
        }
        return Optional.of(new DetourCommand.Route(TaskClassId.of(parts[0]),
                Optional.of(new RouteOverride.Pin(ModelId.of(parts[1])))));
    }

    /** A request's number, as Approve, Apply now and Review carry it. */
    private static Optional<Long> number(String[] parts) {
        if (parts.length != 1 || !parts[0].matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(parts[0]));
    }

    private CommandReply unknown(String what) {
        return CommandReply.say(words.get(WordKey.BUTTON_UNKNOWN, what));
    }
}
