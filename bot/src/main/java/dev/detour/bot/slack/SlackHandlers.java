package dev.detour.bot.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.context.builtin.GlobalShortcutContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.GlobalShortcutRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.view.ViewState;
import com.slack.api.webhook.WebhookResponse;
import dev.detour.bot.metrics.SlashCommandMeters;
import dev.detour.commands.CommandHandler;
import dev.detour.commands.CommandReply;
import dev.detour.commands.Delivery;
import dev.detour.commands.DetourCommand;
import dev.detour.commands.InteractionHandler;
import dev.detour.commands.Invoker;
import dev.detour.commands.SubmissionReply;
import dev.detour.commands.Verb;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.queries.StatusService;
import dev.detour.messages.AppHomeView;
import dev.detour.messages.BusyMessage;
import dev.detour.messages.Names;
import dev.detour.messages.SlackMessage;
import dev.detour.messages.StatusMessage;
import dev.detour.messages.Wording;
import dev.detour.notifications.slack.SlackApiCalls;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bolt handlers: acknowledge at once, then do the work on another thread and answer through
 * {@code response_url} or the Web API. Parse errors, help and a form's mistakes are answered in the ack itself,
 * which reads no database; everything else, the replay check included ({@link SlackDeliveries}), comes after it,
 * one person's requests in the order received ({@link FollowUps}). Each command is timed to its ack and to its
 * answer ({@link SlashCommandMeters}); each call to Slack is counted ({@link SlackApiCalls}).
 */
@Singleton
@Requires(property = "slack.signing-secret")
public class SlackHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(SlackHandlers.class);
    private static final String RESPONSE_URL = "response_url";

    private final CommandHandler commands;
    private final InteractionHandler interactions;
    private final StatusService status;
    private final AppHomeView home;
    private final FollowUps work;
    private final SlashCommandMeters timers;
    private final SlackApiCalls calls;
    private final EphemeralAnswers answers;
    private final AcknowledgementsFirst acknowledgementsFirst;
    private final SlackDeliveries deliveries;
    private final SlackMessage busy;
    private final BusyLog busyLog;

    /**
     * @param work the work after an acknowledgement: a small pool of its own, so that under a burst of commands
     *             the acknowledgements, which Slack waits 3 s for, get the CPU first; bounded
     */
    public SlackHandlers(CommandHandler commands, InteractionHandler interactions, StatusService status,
                         Catalog catalog, FollowUps work,
                         SlashCommandMeters timers, SlackApiCalls calls, EphemeralAnswers answers,
                         AcknowledgementsFirst acknowledgementsFirst, SlackDeliveries deliveries,
                         Wording words, Clock clock) {
        this.deliveries = deliveries;
        this.answers = answers;
        this.acknowledgementsFirst = acknowledgementsFirst;
        this.commands = commands;
        this.interactions = interactions;
        this.status = status;
        this.home = new AppHomeView(new StatusMessage(new Names(catalog), words), words);
        this.busy = new BusyMessage(words).render();
        this.busyLog = new BusyLog(LOG, clock);
        this.work = work;
        this.timers = timers;
        this.calls = calls;
    }

    Response command(SlashCommandRequest request, SlashCommandContext ctx) {
        long received = receivedAt(ctx);
        SlashCommandPayload payload = request.getPayload();
        DetourCommand command = commands.parse(payload.getText());
        String verb = command.verb().map(Verb::word).orElse("unknown");
        Invoker invoker = new Invoker(payload.getUserId(), payload.getChannelId());
        if (CommandHandler.answersAtOnce(command)) {
            // No effect and no database: a replay of it is harmless, so it needs no replay check.
            CommandReply.Ephemeral reply = (CommandReply.Ephemeral) commands.execute(command, invoker);
            Response ack = ctx.ack(r -> r.responseType("ephemeral").text(reply.message().text())
                    .blocks(reply.message().blocks()));
            timers.acknowledged(verb, received);
            timers.answered(verb, received);
            return ack;
        }
        Delivery delivery = deliveries.of(ctx);
        boolean taken = later(invoker, () -> {
            try {
                answer(ctx, commands.execute(command, invoker, delivery), payload.getTriggerId(),
                        payload.getResponseUrl(), invoker, false);
            } finally {
                timers.answered(verb, received);
            }
        });
        Response ack = taken ? ctx.ack()
                : ctx.ack(r -> r.responseType("ephemeral").text(busy.text()).blocks(busy.blocks()));
        timers.acknowledged(verb, received);
        if (!taken) {
            timers.answered(verb, received);
        }
        return ack;
    }

    /** When the HTTP adapter received the request; in Socket Mode, now (Bolt has just handed it over). */
    private long receivedAt(Context ctx) {
        String received = ctx.getAdditionalValues().get(SlashCommandMeters.RECEIVED);
        return received == null ? timers.now() : Long.parseLong(received);
    }

    Response blockAction(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        Invoker invoker = new Invoker(payload.getUser().getId(), channelOf(payload));
        Delivery delivery = deliveries.of(ctx);
        for (BlockActionPayload.Action action : payload.getActions()) {
            String value = action.getValue() != null ? action.getValue()
                    : action.getSelectedOption() != null ? action.getSelectedOption().getValue() : "";
            later(invoker, () -> answer(ctx, interactions.press(action.getActionId(), value, invoker, delivery),
                    payload.getTriggerId(), payload.getResponseUrl(), invoker, true));
        }
        return ctx.ack();
    }

    Response viewSubmission(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        ViewSubmissionPayload payload = request.getPayload();
        Invoker invoker = new Invoker(payload.getUser().getId(), "");
        // Checked in memory: mistakes go back in the ack (a replay of them has no effect either).
        SubmissionReply reply = interactions.submit(payload.getView().getCallbackId(),
                payload.getView().getPrivateMetadata(), values(payload.getView().getState()));
        if (reply instanceof SubmissionReply.Errors errors) {
            return ctx.ackWithErrors(errors.errors());
        }
        if (reply instanceof SubmissionReply.Preview preview) {
            return ctx.ackWithUpdate(preview.view());
        }
        if (reply instanceof SubmissionReply.Accepted accepted) {
            Delivery delivery = deliveries.of(ctx);
            later(invoker, () -> tellPrivately(ctx, invoker.userId(),
                    commands.execute(accepted.command(), invoker, delivery)));
        } else {
            CommandReply followUp = ((SubmissionReply.Close) reply).followUp();
            later(invoker, () -> tellPrivately(ctx, invoker.userId(), followUp));
        }
        return ctx.ack();
    }

    Response declareShortcut(GlobalShortcutRequest request, GlobalShortcutContext ctx) {
        Invoker invoker = new Invoker(request.getPayload().getUser().getId(), "");
        String triggerId = request.getPayload().getTriggerId();
        Delivery delivery = deliveries.of(ctx);
        later(invoker, () -> {
            CommandReply reply = commands.execute(DetourCommand.Declare.form(), invoker, delivery);
            if (reply instanceof CommandReply.OpenModal modal) {
                openModal(ctx, triggerId, modal);
            } else {
                tellPrivately(ctx, invoker.userId(), reply);
            }
        });
        return ctx.ack();
    }

    Response appHomeOpened(EventsApiPayload<AppHomeOpenedEvent> event, EventContext ctx) {
        String user = event.getEvent().getUser();
        String tab = event.getEvent().getTab();
        if (tab == null || "home".equals(tab)) { // tab is optional in Slack's payload; the App Home is the default
            Delivery delivery = deliveries.of(ctx);
            later(new Invoker(user, ""), () -> {
                if (!delivery.isFirst()) {
                    LOG.info("Slack event {} was already handled (a retry or a replay); not handled again",
                            event.getEventId());
                    return;
                }
                call("views.publish", () -> ctx.client().viewsPublish(r -> r.userId(user)
                        .view(home.render(status.current()))));
            });
        }
        return ctx.ack();
    }

    /**
     * @param responseUrl the interaction's, or null: a press in the App Home or in a modal comes without one. Then
     *                    the answer goes, still seen only by the person, to the channel of the press if there is
     *                    one, else to the app's direct message.
     * @param pressed     a button was pressed: an answer that settles the preview the button was on replaces it
     *                    ({@code replace_original}, as Slack documents for ephemeral messages); a typed command has
     *                    no message of ours to replace
     */
    private void answer(Context ctx, CommandReply reply, String triggerId, String responseUrl, Invoker invoker,
                        boolean pressed) {
        if (reply instanceof CommandReply.OpenModal modal) {
            openModal(ctx, triggerId, modal);
        } else if (reply instanceof CommandReply.Ephemeral ephemeral) {
            if (responseUrl != null && !responseUrl.isBlank()) {
                boolean replace = pressed && ephemeral.replacesPreview();
                call(RESPONSE_URL, () -> answers.send(responseUrl, ephemeral.message(), replace));
            } else if (invoker.channelId().isEmpty() || !tellInChannel(ctx, invoker, ephemeral)) {
                tellPrivately(ctx, invoker.userId(), ephemeral);
            }
        }
    }

    /** @return whether Slack took the ephemeral message (the app may not be in that channel) */
    private boolean tellInChannel(Context ctx, Invoker invoker, CommandReply.Ephemeral ephemeral) {
        return call("chat.postEphemeral", () -> ctx.client().chatPostEphemeral(r -> r.channel(invoker.channelId())
                .user(invoker.userId()).text(ephemeral.message().text()).blocks(ephemeral.message().blocks())))
                .map(SlackApiTextResponse::isOk).orElse(false);
    }

    /** The channel a button was pressed in: named by the payload, or by its message's container; none in views. */
    private static String channelOf(BlockActionPayload payload) {
        if (payload.getChannel() != null && payload.getChannel().getId() != null) {
            return payload.getChannel().getId();
        }
        return payload.getContainer() != null && payload.getContainer().getChannelId() != null
                ? payload.getContainer().getChannelId() : "";
    }

    private void openModal(Context ctx, String triggerId, CommandReply.OpenModal modal) {
        call("views.open", () -> {
            var response = ctx.client().viewsOpen(r -> r.triggerId(triggerId).view(modal.view()));
            if (!response.isOk()) {
                LOG.warn("views.open failed: {}", response.getError());
            }
            return response;
        });
    }

    /** After a modal or shortcut there is no response_url: the app's direct message says it. */
    private void tellPrivately(Context ctx, String user, CommandReply reply) {
        if (reply instanceof CommandReply.Ephemeral ephemeral) {
            call("chat.postMessage", () -> ctx.client().chatPostMessage(r -> r.channel(user)
                    .text(ephemeral.message().text()).blocks(ephemeral.message().blocks())));
        }
    }

    /**
     * @param invoker whose request it is: one person's requests are carried out in the order received
     * @return false when Detour is too busy: the task was not queued (a button press is then simply lost)
     */
    private boolean later(Invoker invoker, Runnable task) {
        boolean taken = work.offer(invoker.userId(), acknowledgementsFirst.after(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Slack follow-up failed", e);
            }
        }));
        if (taken) {
            busyLog.taken();
        } else {
            timers.refusedBusy();
            busyLog.refused();
        }
        return taken;
    }

    private interface SlackCall<T> {
        T run() throws IOException, SlackApiException;
    }

    /** @return Slack's answer, or empty when the call failed (counted and logged) */
    private <T> Optional<T> call(String method, SlackCall<T> call) {
        try {
            T response = call.run();
            if (response instanceof SlackApiTextResponse answer) {
                calls.answered(method, answer);
            } else if (response instanceof WebhookResponse answer) {
                calls.status(method, answer.getCode());
            }
            return Optional.ofNullable(response);
        } catch (SlackApiException e) {
            calls.failed(method, e);
            LOG.warn("Slack call {} failed: {}", method, e.toString());
        } catch (IOException e) {
            calls.unreachable(method);
            LOG.warn("Slack call {} failed: {}", method, e.toString());
        }
        return Optional.empty();
    }

    /** Input block id → the values chosen or typed (one for text and single selects, many for multi-selects). */
    private static Map<String, List<String>> values(ViewState state) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (state == null || state.getValues() == null) {
            return values;
        }
        state.getValues().forEach((blockId, actions) -> actions.values().forEach(value -> {
            List<String> chosen = new ArrayList<>();
            if (value.getValue() != null) {
                chosen.add(value.getValue());
            }
            if (value.getSelectedOption() != null) {
                chosen.add(value.getSelectedOption().getValue());
            }
            if (value.getSelectedOptions() != null) {
                value.getSelectedOptions().forEach(option -> chosen.add(option.getValue()));
            }
            values.put(blockId, chosen);
        }));
        return values;
    }
}
