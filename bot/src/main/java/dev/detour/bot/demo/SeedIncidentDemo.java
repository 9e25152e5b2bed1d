package dev.detour.bot.demo;

import dev.detour.bot.config.ConfigLocation;
import dev.detour.commands.CommandHandler;
import dev.detour.commands.CommandReply;
import dev.detour.commands.Delivery;
import dev.detour.commands.DetourCommand;
import dev.detour.commands.InteractionHandler;
import dev.detour.commands.Invoker;
import dev.detour.incidents.ScriptedClock;
import dev.detour.incidents.application.GatewaySignals;
import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.catalog.DetourConfig;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.jobs.RampTicks;
import dev.detour.incidents.ports.OutboxQueue;
import dev.detour.messages.Interactions;
import dev.detour.notifications.slack.PauseHeadsUps;
import dev.detour.notifications.slack.ReadableBlocks;
import dev.detour.notifications.slack.SlackPayload;
import dev.detour.notifications.slack.SupportUpdateNudges;
import io.micronaut.context.ApplicationContext;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code java -jar detour.jar demo}: the seed incident of 7 June 2026 played through the real pipeline (gateway
 * signals, commands, outbox, dispatcher) on embedded defaults — console mode, the built-in example config, H2 in
 * a temporary folder — with every Slack message printed as Slack would show it. Only the clock is scripted.
 */
public final class SeedIncidentDemo {
    static final String ENABLED = "detour.demo";
    static final Instant START = Instant.parse("2026-06-07T06:55:00Z");
    private static final Duration DELIVERY = Duration.ofSeconds(10);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final ModelId OPUS_48 = new ModelId("claude-opus-4-8");
    private static final ModelId OPUS_47 = new ModelId("claude-opus-4-7");
    private static final ModelId SONNET_46 = new ModelId("claude-sonnet-4-6");
    /** Claude Sonnet 4.6's requests per gateway batch, and how many of them fail: 0.2%, healthy. */
    private static final int SONNET_REQUESTS = 1_240;
    private static final int SONNET_ERRORS = 2;
    private static final ModelId GPT_5 = new ModelId("gpt-5");
    private static final Invoker ALICE = new Invoker("U0ALICE", "C0INCIDENTS");

    private final PrintStream out;
    private final ScriptedClock clock;
    private final GatewaySignals gateway;
    private final CommandHandler commands;
    private final InteractionHandler interactions;
    private final IncidentService incidents;
    private final SupportUpdateNudges nudges;
    private final PauseHeadsUps headsUps;
    private final OutboxQueue outbox;
    private final RampTicks ramps;

    private SeedIncidentDemo(PrintStream out, ApplicationContext detour) {
        this.out = out;
        this.clock = detour.getBean(ScriptedClock.class);
        this.gateway = detour.getBean(GatewaySignals.class);
        this.commands = detour.getBean(CommandHandler.class);
        this.interactions = detour.getBean(InteractionHandler.class);
        this.incidents = detour.getBean(IncidentService.class);
        this.nudges = detour.getBean(SupportUpdateNudges.class);
        this.headsUps = detour.getBean(PauseHeadsUps.class);
        this.outbox = detour.getBean(OutboxQueue.class);
        this.ramps = detour.getBean(RampTicks.class);
    }

    /** @return the exit status: 0 when the whole incident played and every message was delivered */
    public static int run(PrintStream out) {
        Path data;
        try {
            data = Files.createTempDirectory("detour-demo");
        } catch (IOException e) {
            out.println("detour demo: cannot create a temporary folder: " + e.getMessage());
            return 1;
        }
        try {
            return play(out, data);
        } finally {
            delete(data);
        }
    }

    /**
     * {@code demo --serve}: plays the demo into {@code folder} (what an earlier demo left there is replaced) and
     * keeps its database, for {@link #databaseUrl} to be served afterwards.
     *
     * @return the exit status, as {@link #run}
     */
    public static int keep(PrintStream out, Path folder) {
        try {
            if (Files.exists(folder)) {
                delete(folder);
            }
            Files.createDirectories(folder);
        } catch (IOException | UncheckedIOException e) {
            out.println("detour demo: cannot use the folder " + folder.toAbsolutePath() + ": " + e.getMessage());
            return 1;
        }
        return play(out, folder);
    }

    /**
     * The example config built into the jar, which the demo plays whatever detour.yml this machine has. Its
     * two-person rule stays on: the preview says so, and Alice's narrower switch-off needs nobody else.
     */
    public static DetourConfig config(Path folder) {
        return new ConfigLocation(Map.of(), folder).load();
    }

    /** The H2 database the demo writes in {@code folder}. */
    public static String databaseUrl(Path folder) {
        return "jdbc:h2:file:" + folder.resolve("detour").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    private static int play(PrintStream out, Path data) {
        try (ApplicationContext detour = ApplicationContext.builder()
                .environmentPropertySource(false) // never a real Slack token from the environment
                .properties(properties(data))
                .singletons(config(data))
                .start()) {
            new SeedIncidentDemo(out, detour).play();
            return 0;
        } catch (IllegalStateException e) {
            out.println("detour demo: " + e.getMessage());
            return 1;
        }
    }

    private static Map<String, Object> properties(Path data) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ENABLED, "true");
        properties.put("datasources.default.url", databaseUrl(data));
        properties.put("detour.statuspage.poll", "false");          // the script plays the signals
        properties.put("detour.signals.gateway-check", "1h");       // ...and decides when they are evaluated
        // A batch that opens the incident returns once it is recorded, however slow the machine: the script's next
        // step acknowledges that incident.
        properties.put("detour.signals.gateway-record-wait", "60s");
        properties.put("detour.support.nudge-check", "1h");
        properties.put("detour.managers.heads-up-check", "1h");
        properties.put("detour.recovery.tick", "1h");               // the script ticks the ramps
        properties.put("detour.outbox.poll", "20ms");
        properties.put("detour.outbox.first-poll", "0s");
        properties.put("detour.slack.burst", "1000");               // the console has no rate limit
        properties.put("logger.levels.root", "WARN");
        return properties;
    }

    private void play() {
        title("Detour demo: the seed incident of Sunday 7 June 2026, played in seconds",
                "Console mode: each message is printed as Slack would show it, with its channel and thread.");

        at("06:55", "Normal traffic: the gateway reports its requests to Detour.");
        traffic(0);

        at("07:10", "Claude Opus 4.8 and 4.7 start failing: 30% of requests end in HTTP 529 (overloaded).");
        traffic(12);
        IncidentId id = incidents.openIncidents().get(0).id();

        at("07:13", "Alice (on-call) presses Acknowledge on the root message.");
        reply(commands.execute(new DetourCommand.Acknowledge(id), ALICE));
        at("07:15", "The gateway keeps reporting: Opus 4.8 and 4.7 still fail, Claude Sonnet 4.6 serves 1,240"
                + " requests a minute with 0.2% errors.");
        traffic(12);
        at("07:15", "Containment first: Alice proposes switching the whole provider off.");
        CommandReply preview = command("disable anthropic -- Opus 4.8 and 4.7 return elevated errors");
        at("07:15", "A whole provider asks first. The preview shows Claude Sonnet 4.6 healthy, with its numbers, and"
                + " offers to disable only the failing models: Alice presses that button.");
        out.println("▶ @U0ALICE presses [Disable only the failing models] (in a console: /detour confirm narrower)");
        out.println();
        reply(interactions.press(Interactions.CONFIRM_NARROWER, ((CommandReply.Ephemeral) preview).message()
                .buttonValue(Interactions.CONFIRM_NARROWER).orElseThrow(), ALICE, Delivery.UNREPEATABLE));
        at("07:18", "Code migration plans ask before moving to another provider: Alice approves.");
        command("consent code-migration approve");
        at("07:20", null);
        command("state " + id + " identified");
        at("07:25", null);
        command("update " + id + " -- Opus 4.8 and 4.7 return 529s; both stay switched off until Anthropic's page"
                + " says fixed. Sonnet 4.6 is healthy and keeps serving. --public Claude Opus models are switched off"
                + " while Anthropic reports elevated errors on them. This is a service disruption, not a change in"
                + " model quality.");

        at("07:56", "Half an hour without news for support: Detour reminds on-call.");
        nudges.nudgeDue();
        delivered();
        at("07:56", "Contract review has been paused for more than 30 minutes: managers get a heads-up.");
        headsUps.postDue();
        delivered();
        at("08:05", null);
        command("update " + id + " --public Anthropic is working on a fix. Meeting summaries and code migration"
                + " plans keep working on GPT-5, support reply drafts on Claude Sonnet as usual; contract review"
                + " waits for Claude Opus 4.8.");

        at("12:30", "Anthropic reports a fix. Probe traffic to Opus 4.8 and 4.7 succeeds again...");
        traffic(0);
        at("12:33", null);
        traffic(0);
        at("12:36", "...for five minutes in a row: the gateway signal clears.");
        traffic(0);
        at("12:40", "Alice switches the two models back on. Anthropic's recovery is staged: each model comes back"
                + " to 10% of traffic first, then 50%, then 100%, every step held 5 minutes on the gateway's evidence.");
        command("enable claude-opus-4-8 claude-opus-4-7 -- error rates normal for ten minutes");
        at("12:45", "The gateway reports healthy traffic to both models at 10%: the ramps move on to 50%.");
        rampStep();
        at("12:50", "Healthy again at 50%: the ramps complete, every feature is back on its usual model.");
        rampStep();
        at("13:10", null);
        command("state " + id + " monitoring");
        at("19:05", "A quiet afternoon: Alice resolves the incident with a word for customers; support gets the"
                + " resolution, managers the summary.");
        command("resolve " + id + " -- Anthropic's flagship models returned elevated errors. We switched off the"
                + " two failing models within 5 minutes and kept the healthy Claude Sonnet 4.6 on; two features ran"
                + " on GPT-5 and contract review paused until Claude Opus 4.8 was back. --public Contract reviews"
                + " queued during the outage have all run; nobody needs to resubmit.");

        title("Demo finished: " + id + " resolved.", "The last message above is the manager summary in the"
                + " summary channel; /detour summary " + id + " shows it on demand.");
    }

    /**
     * One batch from the gateway: 40 requests per flagship model, with {@code errors} failures of 40 on the two; 40
     * to GPT-5; and Claude Sonnet 4.6's steady, healthy traffic (0.2% errors), the evidence a preview weighs.
     */
    private void traffic(int errors) {
        List<GatewaySignals.Outcome> batch = new ArrayList<>();
        for (ModelId model : List.of(OPUS_48, OPUS_47)) {
            for (int i = 0; i < 40; i++) {
                batch.add(i < errors ? new GatewaySignals.Outcome(model, false, 529, 2_400)
                        : new GatewaySignals.Outcome(model, true, 200, 1_100));
            }
        }
        for (int i = 0; i < 40; i++) {
            batch.add(new GatewaySignals.Outcome(GPT_5, true, 200, 900));
        }
        for (int i = 0; i < SONNET_REQUESTS; i++) {
            batch.add(i < SONNET_ERRORS ? new GatewaySignals.Outcome(SONNET_46, false, 529, 2_000)
                    : new GatewaySignals.Outcome(SONNET_46, true, 200, 700));
        }
        gateway.ingest(batch);
        delivered();
    }

    /** A step of the ramps: the gateway reports its traffic, healthy, and the ramp job checks each ramp. */
    private void rampStep() {
        traffic(0);
        ramps.tick();
        delivered();
    }

    private CommandReply command(String text) {
        out.println("▶ @U0ALICE: /detour " + text);
        out.println();
        CommandReply reply = commands.execute(commands.parse(text), ALICE);
        reply(reply);
        return reply;
    }

    private void reply(CommandReply reply) {
        if (reply instanceof CommandReply.Ephemeral ephemeral) {
            out.println("── (only @U0ALICE sees this)");
            // As Slack shows it: the blocks (a preview's lines and buttons), not only the notification text.
            ReadableBlocks.lines(SlackPayload.of(ephemeral.message())).forEach(line -> out.println("   " + line));
            out.println();
        }
        delivered();
    }

    /** Waits until the dispatcher has printed everything the last step wrote to the outbox. */
    private void delivered() {
        long deadline = System.nanoTime() + DELIVERY.toNanos();
        while (!outbox.pending("slack.", 1).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("messages were not delivered within " + DELIVERY.toSeconds() + " s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private void at(String time, String narration) {
        clock.set(Instant.parse("2026-06-07T" + time + ":00Z"));
        out.println("════ " + HOUR.format(clock.instant()) + " UTC" + (narration == null ? "" : "  " + narration));
        out.println();
    }

    private void title(String headline, String subline) {
        out.println("████ " + headline);
        out.println("     " + subline);
        out.println();
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + folder, e);
        }
    }
}
