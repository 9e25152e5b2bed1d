package dev.detour.commands;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.recovery.RampCommand;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.detour.commands.CommandHandlerTest.ALICE;
import static dev.detour.commands.CommandHandlerTest.MALLORY;
import static dev.detour.commands.CommandHandlerTest.text;
import static dev.detour.incidents.SeedCatalog.GPT_5;
import static dev.detour.incidents.SeedCatalog.OPENAI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /detour ramp} and {@code enable --at-once} (docs/recovery.md). */
class RampCommandsTest {
    private final CommandParser parser = new CommandParser(SeedCatalog.catalog(), CommandHandlerTest.ENGLISH);
    private final FakeOperations operations = new FakeOperations(SeedCatalog.catalog());
    private final CommandHandler commands = CommandHandlerTest.handler(operations);
    private static final Target GPT = Target.model(GPT_5);

    private String run(String text) {
        return text(commands.execute(commands.parse(text), ALICE));
    }

    @Test
    void rampTakesATargetAndWhatToDoWithAReason() {
        assertEquals(new DetourCommand.Ramp(GPT, RampCommand.PAUSE, Optional.of("watching the 529s")),
                parser.parse("ramp gpt-5 pause -- watching the 529s"));
        assertEquals(new DetourCommand.Ramp(Target.provider(OPENAI), RampCommand.STATUS, Optional.empty()),
                parser.parse("RAMP openai Status"));
        for (String command : List.of("resume", "abort", "complete")) {
            assertEquals(RampCommand.fromWord(command).orElseThrow(),
                    ((DetourCommand.Ramp) parser.parse("ramp gpt-5 " + command)).command());
        }
    }

    @Test
    void aRampStatusIsOpenToEveryoneAndTheRestIsForOnCall() {
        assertFalse(parser.parse("ramp gpt-5 status").changesProduction());
        assertTrue(parser.parse("ramp gpt-5 pause").changesProduction());
    }

    @Test
    void badRampLinesNameTheProblemAndTheUsage() {
        DetourCommand.Invalid unknown = assertInstanceOf(DetourCommand.Invalid.class,
                parser.parse("ramp gpt-5 pasue"));
        assertEquals("unknown ramp command `pasue` (did you mean `pause`?); say status, pause, resume, abort or"
                + " complete", unknown.problem());
        assertEquals(Verb.RAMP.usage(), unknown.usage());
        assertEquals("ramp needs a provider or model and what to do: status, pause, resume, abort or complete",
                assertInstanceOf(DetourCommand.Invalid.class, parser.parse("ramp gpt-5")).problem());
        assertTrue(assertInstanceOf(DetourCommand.Invalid.class, parser.parse("ramp gtp-5 status")).problem()
                .contains("gpt-5"), "an unknown target names the nearest one");
        assertInstanceOf(DetourCommand.Invalid.class, parser.parse("ramp gpt-5 retry"),
                "retry is a button after a rollback, not a typed command");
    }

    @Test
    void enableAtOnceIsAFlagOfEnable() {
        assertEquals(new DetourCommand.Enable(List.of(GPT), Optional.of("verified"), true),
                parser.parse("enable gpt-5 --at-once -- verified"));
        assertEquals(new DetourCommand.Enable(List.of(GPT), Optional.empty(), false), parser.parse("enable gpt-5"));
    }

    @Test
    void enablingAStagedTargetAnswersThatItIsComingBackAndWhenTheNextStepIs() {
        operations.staged.add(GPT);

        String answer = run("enable gpt-5");

        assertEquals("GPT-5 is coming back step by step: 10% of traffic first, next step"
                + " <!date^1780816680^{time}|07:18 UTC> if healthy. `/detour ramp gpt-5 status` follows it;"
                + " `/detour enable gpt-5 --at-once` switches it on at once.", answer);
    }

    @Test
    void enableAtOnceSwitchesAStagedTargetOnAsBefore() {
        operations.staged.add(GPT);

        String answer = run("enable gpt-5 --at-once");

        assertTrue(answer.startsWith("Enabled GPT-5"), answer);
        assertEquals(List.of("U0ALICE enabled [gpt-5] at once "), operations.changes);
    }

    @Test
    void aRampCommandOnATargetWithoutARampSaysHowRampsStart() {
        assertEquals("GPT-5 has no ramp running. A ramp starts when a target whose recovery is staged is enabled:"
                + " `/detour enable gpt-5`.", run("ramp gpt-5 pause"));
        assertEquals(List.of(), operations.changes, "nothing changed");
    }

    @Test
    void statusPauseAndAWrongResumeAreAnsweredInPlainWords() {
        operations.staged.add(GPT);
        run("enable gpt-5");

        assertEquals("GPT-5 — coming back: 10% of traffic since <!date^1780816380^{time}|07:13 UTC>, next step"
                + " <!date^1780816680^{time}|07:18 UTC> if healthy", run("ramp gpt-5 status"));
        assertEquals("Done: GPT-5 stays at 10% of traffic: ramp paused by <@U0ALICE>.", run("ramp gpt-5 pause"));
        assertEquals("The ramp of GPT-5 is paused: `pause` does not apply now.", run("ramp gpt-5 pause"));
        assertTrue(run("ramp gpt-5 complete").startsWith("Done: GPT-5 is back: 100% of traffic, completed by"));
    }

    @Test
    void onlyOnCallSteersARamp() {
        operations.staged.add(GPT);
        run("enable gpt-5");

        String answer = text(commands.execute(commands.parse("ramp gpt-5 abort"), MALLORY));

        assertFalse(answer.startsWith("Done"), answer);
    }

    @Test
    void theRampButtonsAreRampCommandsOnTheTargetTheyCarry() {
        InteractionHandler buttons = new InteractionHandler(commands, SeedCatalog.catalog(), CommandHandlerTest.ENGLISH);

        assertEquals(Optional.of(new DetourCommand.Ramp(GPT, RampCommand.RETRY, Optional.empty())),
                buttons.command(dev.detour.messages.Interactions.RAMP_RETRY, "model:gpt-5"));
        assertEquals(Optional.of(new DetourCommand.Ramp(GPT, RampCommand.KEEP_OFF, Optional.empty())),
                buttons.command(dev.detour.messages.Interactions.RAMP_KEEP_OFF, "model:gpt-5"));
        assertEquals(Optional.of(new DetourCommand.Ramp(Target.provider(OPENAI), RampCommand.PAUSE,
                Optional.empty())), buttons.command(dev.detour.messages.Interactions.RAMP_PAUSE, "provider:openai"));
        assertEquals(Optional.empty(), buttons.command(dev.detour.messages.Interactions.RAMP_ABORT, "model:gpt-9"),
                "a target no longer configured");
    }

    @Test
    void retryOnARampThatDidNotRollBackIsAnsweredNotDone() {
        operations.staged.add(GPT);
        run("enable gpt-5");

        String answer = text(commands.execute(new DetourCommand.Ramp(GPT, RampCommand.RETRY, Optional.empty()),
                ALICE));

        assertEquals("The ramp of GPT-5 is running: `retry` does not apply now.", answer);
    }
}
