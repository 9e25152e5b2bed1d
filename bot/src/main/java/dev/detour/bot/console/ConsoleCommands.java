package dev.detour.bot.console;

import dev.detour.commands.CommandHandler;
import dev.detour.commands.CommandReply;
import dev.detour.commands.Delivery;
import dev.detour.commands.InteractionHandler;
import dev.detour.commands.Invoker;
import dev.detour.incidents.catalog.SlackSettings;
import dev.detour.messages.Interactions;
import dev.detour.messages.SlackMessage;
import dev.detour.notifications.slack.ReadableBlocks;
import dev.detour.notifications.slack.SlackPayload;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Console mode (no {@code SLACK_BOT_TOKEN}): {@code /detour ...} lines typed on standard input run as the first
 * on-call user of the config, and the answer is printed as Slack would show it to them, so a fallback can be tried
 * without a Slack workspace. What the command posts to channels is printed by the console sender, as always.
 * A console has no buttons: after an answer that asks to confirm, {@code /detour confirm}, {@code /detour confirm
 * narrower} and {@code /detour cancel} press its Confirm, "Disable only the failing models" and Cancel buttons.
 * Not in tests (the test runner owns standard input) nor in the demo (it plays its own script).
 */
@Singleton
@Requires(missingProperty = "slack.bot-token")
@Requires(notEnv = Environment.TEST)
@Requires(property = "detour.demo", notEquals = "true")
public class ConsoleCommands {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleCommands.class);
    static final String PREFIX = "/detour";
    /** What a typed word presses on the last answer. */
    private static final Map<String, String> BUTTONS = Map.of("confirm", Interactions.CONFIRM,
            "confirm narrower", Interactions.CONFIRM_NARROWER, "cancel", Interactions.CANCEL);

    private final CommandHandler commands;
    private final InteractionHandler interactions;
    private final Invoker invoker;
    /** The last answer printed: the one whose buttons the next typed word presses. */
    private volatile Optional<SlackMessage> lastAnswer = Optional.empty();
    private final PrintStream out = System.out;

    public ConsoleCommands(CommandHandler commands, InteractionHandler interactions, SlackSettings slack) {
        this.commands = commands;
        this.interactions = interactions;
        this.invoker = new Invoker(localUser(slack).orElse("U0CONSOLE"), slack.incidentChannel());
    }

    /** The first user (not user group: console mode cannot ask Slack who is in one) of the on-call list. */
    static Optional<String> localUser(SlackSettings slack) {
        return slack.onCall().stream().filter(id -> !id.startsWith("S")).findFirst();
    }

    @EventListener
    void onStartup(StartupEvent event) {
        LOG.info("console mode: type /detour commands here (e.g. /detour help, /detour disable <provider>); they "
                + "run as @{}", invoker.userId());
        Thread reader = new Thread(this::readStandardInput, "console-commands");
        reader.setDaemon(true); // never keeps the process alive
        reader.start();
    }

    private void readStandardInput() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                run(line);
            }
        } catch (IOException e) {
            LOG.info("standard input closed: no more console commands ({})", e.getMessage());
        }
    }

    /** Runs one typed line; a line that is not a {@code /detour} command gets a hint. */
    void run(String line) {
        String text = line.strip();
        if (text.isEmpty()) {
            return;
        }
        if (!(text.equals(PREFIX) || text.startsWith(PREFIX + " "))) {
            print("type a slash command, e.g. /detour help");
            return;
        }
        String typed = text.substring(PREFIX.length()).strip();
        CommandReply reply;
        if (BUTTONS.containsKey(typed)) {
            String action = BUTTONS.get(typed);
            Optional<String> value = lastAnswer.flatMap(answer -> answer.buttonValue(action));
            if (value.isEmpty()) {
                print("the last answer has no button for `/detour " + typed + "`");
                return;
            }
            reply = interactions.press(action, value.get(), invoker, Delivery.UNREPEATABLE);
        } else {
            reply = commands.execute(commands.parse(typed), invoker);
        }
        if (reply instanceof CommandReply.Ephemeral ephemeral) {
            lastAnswer = Optional.of(ephemeral.message());
            synchronized (out) {
                out.println("── (only @" + invoker.userId() + " sees this)");
                ReadableBlocks.lines(SlackPayload.of(ephemeral.message())).forEach(l -> out.println("   " + l));
                if (ephemeral.message().buttonValue(Interactions.CONFIRM).isPresent()) {
                    out.println("   (console: type /detour confirm, /detour confirm narrower or /detour cancel)");
                }
                out.println();
                out.flush();
            }
        } else if (reply instanceof CommandReply.OpenModal) {
            print("this opens a form in Slack; in the console, type the command with its arguments instead");
        }
    }

    private void print(String text) {
        synchronized (out) {
            out.println("── " + text);
            out.println();
            out.flush();
        }
    }
}
