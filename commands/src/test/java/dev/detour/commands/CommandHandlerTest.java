package dev.detour.commands;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.detour.messages.Wording;
import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.audit.AuditAction;
import dev.detour.incidents.audit.AuditQuery;
import dev.detour.incidents.audit.AuditRecord;
import dev.detour.incidents.audit.AuditSubject;
import dev.detour.incidents.audit.StoredAuditRecord;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.catalog.SlackSettings;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentState;
import dev.detour.incidents.preview.ProposedChange;
import dev.detour.messages.SlackMessage;
import dev.detour.incidents.readmodel.DetourStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.detour.incidents.SeedCatalog.ANTHROPIC;
import static dev.detour.incidents.SeedCatalog.GPT_5;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandHandlerTest {
    static final Invoker ALICE = new Invoker("U0ALICE", "C0INCIDENTS");
    static final Invoker CAROL = new Invoker("U0CAROL", "C0INCIDENTS"); // in the on-call user group
    static final Invoker MALLORY = new Invoker("U0MALLORY", "C0RANDOM");

    final FakeOperations operations = new FakeOperations(SeedCatalog.catalog());
    final CommandHandler commands = handler(operations);

    static final Wording ENGLISH = Wording.of("en");

    static CommandHandler handler(Operations operations) {
        OnCallPolicy onCall = new OnCallPolicy(new SlackSettings("C0INCIDENTS", "C0SUPPORT", "C0MANAGERS",
                List.of("U0ALICE", "S0ONCALL")), new FixedGroups(Map.of("S0ONCALL", Set.of("U0CAROL"))), ENGLISH);
        return new CommandHandler(SeedCatalog.catalog(), onCall, operations,
                Clock.fixed(FakeOperations.NOW, ZoneOffset.UTC), ENGLISH);
    }

    private String say(DetourCommand command, Invoker invoker) {
        return text(commands.execute(command, invoker));
    }

    static String text(CommandReply reply) {
        return assertInstanceOf(CommandReply.Ephemeral.class, reply).message().text();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "disable gpt-5 -- elevated 529s    | U0ALICE disabled [gpt-5] elevated 529s | Disabled",
            "enable gpt-5                      | U0ALICE enabled [gpt-5]                | Enabled",
            "route meeting-summary gpt-5       | U0ALICE routed meeting-summary         | Route of `meeting-summary`",
            "route meeting-summary stop        | U0ALICE routed meeting-summary         | Route of `meeting-summary`",
            "consent code-migration approve    | U0ALICE answered approve for code-migration | Answered approve",
            "update INC-1 Fallback holds       | U0ALICE updated INC-1                  | Posted update *INC-1*",
            "state INC-1 monitoring            | U0ALICE moved to monitoring INC-1      | Moved to monitoring *INC-1* (monitoring)",
            "state INC-1 resolved              | U0ALICE resolved INC-1                 | Resolved *INC-1* (resolved)",
            "title INC-1 Opus answers slowly   | U0ALICE titled INC-1                   | Title set *INC-1* (investigating)",
            "kind INC-1 degradation            | U0ALICE set kind degradation of INC-1  | Kind set to degradation *INC-1*",
            "resolve INC-1 -- provider fixed   | U0ALICE resolved INC-1                 | Resolved *INC-1* (resolved)",
            "declare claude-opus-4-8 -- slow   | U0ALICE opened INC-2 outage: slow      | Opened *INC-2* (investigating)",
    })
    void everyCommandThatChangesProductionIsCarriedOutForOnCallAndSaysWhatItDid(String typed, String change,
                                                                                  String answer) {
        operations.open("GPT-5 errors", Target.model(GPT_5));

        String reply = say(commands.parse(typed), ALICE);

        assertTrue(operations.changes.get(operations.changes.size() - 1).startsWith(change.strip()),
                operations.changes.toString());
        assertTrue(reply.contains(answer.strip()), reply);
    }

    @ParameterizedTest
    @ValueSource(strings = {"disable gpt-5", "enable gpt-5", "route meeting-summary gpt-5", "route meeting-summary auto",
            "consent code-migration deny", "update INC-1 hello", "state INC-1 identified", "title INC-1 Opus slow", "kind INC-1 outage",
            "resolve INC-1",
            "declare gpt-5", "declare"})
    void someoneOutsideOnCallIsRefusedEveryChangeNamingWhoMayAndNothingChanges(String typed) {
        operations.open("GPT-5 errors", Target.model(GPT_5));
        List<String> before = List.copyOf(operations.changes);

        String reply = say(commands.parse(typed), MALLORY);

        assertTrue(reply.startsWith("Only on-call may"), reply);
        assertTrue(reply.contains("<@U0ALICE>") && reply.contains("<!subteam^S0ONCALL>"), reply);
        assertTrue(reply.endsWith("Nothing was changed."), reply);
        assertEquals(before, operations.changes);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "title INC-9 Opus slow     | There is no incident INC-9",
            "title INC-1               | A title needs some text",
            "title INC-1 --            | A title needs some text",
            "title INC-1 GPT-5 errors  | INC-1 already has that title",
            "kind INC-9 outage         | There is no incident INC-9",
    })
    void aTitleOrKindThatCannotBeSetIsRefusedSayingWhyAndNothingChanges(String typed, String why) {
        operations.open("GPT-5 errors", Target.model(GPT_5));
        List<String> before = List.copyOf(operations.changes);

        String reply = say(commands.parse(typed), ALICE);

        assertTrue(reply.contains(why.strip()) && reply.endsWith("Nothing was changed."), reply);
        assertEquals(before, operations.changes);
    }

    @Test
    void aTitleLongerThanTheLimitIsRefusedWithTheLimit() {
        operations.open("GPT-5 errors", Target.model(GPT_5));

        String reply = say(commands.parse("title INC-1 " + "x".repeat(201)), ALICE);

        assertTrue(reply.contains("The title is 201 characters; the limit is 200"), reply);
    }

    @Test
    void settingTheKindOnCallAlreadySetIsRefused() {
        operations.open("GPT-5 errors", Target.model(GPT_5));
        say(commands.parse("kind INC-1 degradation"), ALICE);

        String reply = say(commands.parse("kind INC-1 degradation"), ALICE);

        assertTrue(reply.contains("INC-1 is already set to degradation"), reply);
    }

    @Test
    void enablingAModelWhoseProviderIsStillOffWarnsThatItServesNothingYet() {
        operations.statusNow = Optional.of(statusWith(false, Optional.empty()));

        String reply = say(commands.parse("enable claude-opus-4-8"), ALICE);

        assertTrue(reply.startsWith("Enabled"), reply);
        assertTrue(reply.contains(":warning: Anthropic is still switched off, so no feature can use Claude Opus 4.8"
                + " until `/detour enable anthropic`."), reply);
    }

    @Test
    void enablingAModelThatAFeaturePausedByAnOverrideUsesWarnsThatTheOverrideHoldsIt() {
        operations.statusNow = Optional.of(statusWith(true, Optional.of(new dev.detour.incidents.routing.Route(
                SeedCatalog.LEGAL_REVIEW, dev.detour.incidents.routing.RouteState.STOPPED, Optional.empty(),
                Optional.empty(), dev.detour.incidents.routing.RouteCause.OVERRIDE_STOP))));

        String reply = say(commands.parse("enable claude-opus-4-8"), ALICE);

        assertTrue(reply.contains(":warning: Contract review stays "), reply);
        assertTrue(reply.contains("an override holds it (`/detour route legal-review auto` releases it)."), reply);
        assertFalse(reply.contains("still switched off"), reply);
    }

    @Test
    void enablingWhatNothingElseHoldsGivesNoWarning() {
        operations.statusNow = Optional.of(statusWith(true, Optional.empty()));

        assertFalse(say(commands.parse("enable claude-opus-4-8"), ALICE).contains(":warning:"));
    }

    /** The seed catalog with Anthropic on or off, and Contract review on {@code legalReview} or its primary. */
    private static DetourStatus statusWith(boolean anthropicOn, Optional<dev.detour.incidents.routing.Route> legalReview) {
        var catalog = SeedCatalog.catalog();
        return new DetourStatus(FakeOperations.NOW, catalog.providers().stream()
                .map(p -> new DetourStatus.ProviderStatus(p.id(), p.name(),
                        anthropicOn || !p.id().equals(SeedCatalog.ANTHROPIC), Optional.empty())).toList(),
                catalog.models().stream().map(m -> new DetourStatus.ModelStatus(m.id(), m.provider(), m.name(), true,
                        true, Optional.empty())).toList(),
                catalog.taskClasses().stream().map(t -> new DetourStatus.TaskClassStatus(t.id(), t.name(),
                        t.failover(), t.route(), t.id().equals(SeedCatalog.LEGAL_REVIEW) && legalReview.isPresent()
                        ? legalReview.get() : new dev.detour.incidents.routing.Route(t.id(),
                        dev.detour.incidents.routing.RouteState.PRIMARY, Optional.of(t.primary()), Optional.empty(),
                        dev.detour.incidents.routing.RouteCause.PRIMARY_AVAILABLE), Optional.empty())).toList(),
                List.of());
    }

    @Test
    void aDryRunAnswersWithThePreviewAndChangesNothing() {
        CommandReply reply = commands.execute(commands.parse("disable anthropic --dry-run"), ALICE);

        SlackMessage preview = assertInstanceOf(CommandReply.Ephemeral.class, reply).message();
        assertEquals("Dry run: *Disable Anthropic*", preview.text());
        String blocks = preview.blocks().toString();
        assertTrue(blocks.contains("Contract review: now primary → Claude Opus 4.8 · after *paused*"), blocks);
        assertTrue(blocks.contains("`provider.anthropic.enabled`: true → false"), blocks);
        assertEquals(List.of(new ProposedChange.Disable(List.of(Target.provider(ANTHROPIC)))), operations.previews);
        assertEquals(List.of(), operations.changes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"disable anthropic --dry-run", "enable gpt-5 --dry-run", "route legal-review stop --dry-run"})
    void anyoneMayAskForADryRunBecauseItChangesNothing(String typed) {
        String reply = say(commands.parse(typed), MALLORY);

        assertTrue(reply.startsWith("Dry run: "), reply);
        assertEquals(List.of(), operations.changes);
    }

    @Test
    void aDryRunOfAChangeThatWouldBeRefusedGetsTheSameRefusal() {
        String dryRun = say(commands.parse("route meeting-summary auto --dry-run"), ALICE);
        String change = say(commands.parse("route meeting-summary auto"), ALICE);

        assertEquals(change, dryRun);
        assertEquals(":warning: meeting-summary already has no override. Nothing was changed.", dryRun);
    }

    @Test
    void buttonCommandsAreRefusedOutsideOnCallWithWhatTheyWouldHaveDone() {
        Incident incident = operations.open("GPT-5 errors", Target.model(GPT_5));

        assertTrue(say(new DetourCommand.Acknowledge(incident.id()), MALLORY)
                .startsWith("Only on-call may acknowledge incidents."));
        assertTrue(say(new DetourCommand.OpenForm(DetourCommand.Form.UPDATE, incident.id()), MALLORY)
                .startsWith("Only on-call may post updates."));
        assertTrue(say(new DetourCommand.OpenForm(DetourCommand.Form.RESOLVE, incident.id()), MALLORY)
                .startsWith("Only on-call may resolve incidents."));
        assertTrue(say(DetourCommand.Declare.form(), MALLORY).startsWith("Only on-call may declare incidents."));
        assertEquals(List.of(), operations.changes);
    }

    @Test
    void anyoneMaySubscribeToDirectMessagesOfCustomerUpdatesAndStopThem() {
        assertTrue(say(commands.parse("subscribe"), MALLORY).startsWith("You will get a DM with every customer"));
        assertTrue(say(commands.parse("subscribe"), MALLORY).startsWith("You already get a DM"));
        assertEquals(java.util.Set.of("U0MALLORY"), operations.subscribers);

        assertTrue(say(commands.parse("unsubscribe"), MALLORY).startsWith("You will no longer get DMs"));
        assertTrue(say(commands.parse("unsubscribe"), MALLORY).startsWith("You did not get DMs"));
        assertEquals(java.util.Set.of(), operations.subscribers);
    }

    @Test
    void aMemberOfTheOnCallUserGroupMayChangeProduction() {
        String reply = say(commands.parse("disable gpt-5"), CAROL);

        assertTrue(reply.startsWith("Disabled"), reply);
        assertEquals(List.of("U0CAROL disabled [gpt-5] "), operations.changes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"help", "status", "summary INC-1", "audit gpt-5", "audit since 2h", "disable nothing-such"})
    void readingCommandsAndMistakesAreAnsweredToAnyone(String typed) {
        CommandReply reply = commands.execute(commands.parse(typed), MALLORY);

        String text = text(reply);
        assertTrue(!text.contains("Only on-call"), text);
        assertEquals(List.of(), operations.changes);
    }

    @Test
    void statusOfAnIncidentIsAFiveLineCatchUpWithIdsAndTheOneWithoutStaysTodaysStatus() {
        Incident incident = operations.open("GPT-5 errors", Target.model(GPT_5));

        String catchUp = say(commands.parse("status " + incident.id()), MALLORY);
        String today = say(commands.parse("status"), MALLORY);

        assertEquals(5, catchUp.lines().count(), catchUp);
        assertTrue(catchUp.startsWith("*INC-1* · Outage · investigating: GPT-5 errors"), catchUp);
        assertTrue(catchUp.contains("*Who leads:* nobody has acknowledged it yet"), catchUp);
        assertTrue(catchUp.contains("*Next:*"), catchUp);
        assertTrue(today.startsWith("Detour status:"), today);
    }

    @Test
    void statusOfAnUnknownIncidentSaysThereIsNone() {
        assertTrue(say(commands.parse("status INC-9"), MALLORY).contains("There is no incident INC-9"));
    }

    @Test
    void auditShowsThirtyRecordsAPageWithoutReceiptsAndSaysHowToSeeOlderOnesAndTheReceipts() {
        for (int i = 60; i > 0; i--) { // newest first; every third a delivery receipt
            Actor actor = i % 3 == 0 ? AuditQuery.RECEIPTS : Actor.user("U0ALICE");
            operations.auditTrail.add(new StoredAuditRecord(i, new AuditRecord(FakeOperations.NOW.minusSeconds(60L * (60 - i)),
                    actor, AuditAction.ROUTE_OVERRIDE, AuditSubject.of("task-class:legal-review"), Optional.empty(),
                    Optional.of("stop"), Optional.of("record " + i), Optional.of(new IncidentId(1)))));
        }

        String first = say(commands.parse("audit INC-1"), MALLORY);
        String second = say(commands.parse("audit INC-1 page 2"), MALLORY);

        assertEquals(30, first.lines().filter(line -> line.startsWith("• ")).count(), first);
        assertTrue(first.contains(": record 59 (INC-1)") && !first.contains("record 60 "), "no receipt: " + first);
        assertTrue(first.contains("Older records: `/detour audit INC-1 page 2`"), first);
        assertTrue(first.contains("Delivery receipts are left out: add `all` to see them."), first);
        assertEquals(0, operations.auditQueries.get(0).offset());
        assertEquals(30, operations.auditQueries.get(1).offset());
        assertEquals(10, second.lines().filter(line -> line.startsWith("• ")).count(), second);
        assertEquals(0, second.lines().filter(line -> line.contains("Older records")).count(), "the last page");
        assertTrue(second.startsWith("*Audit* for INC-1, newest first, page 2"), second);
    }

    @Test
    void auditAllShowsTheDeliveryReceiptsToo() {
        operations.auditTrail.add(new StoredAuditRecord(1, new AuditRecord(FakeOperations.NOW, AuditQuery.RECEIPTS,
                new AuditAction("outbox.sent"), AuditSubject.of("incident:INC-1"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(new IncidentId(1)))));

        String all = say(commands.parse("audit all"), MALLORY);

        assertTrue(operations.auditQueries.get(0).receipts());
        assertTrue(all.contains("`system:outbox` `outbox.sent`"), all);
        assertTrue(!all.contains("Delivery receipts are left out"), all);
    }

    @Test
    void acknowledgeMarksTheIncidentAcknowledgedByWhoPressed() {
        Incident incident = operations.open("GPT-5 errors", Target.model(GPT_5));

        String reply = say(new DetourCommand.Acknowledge(incident.id()), ALICE);

        assertEquals("Acknowledged *INC-1* (investigating).", reply);
        assertEquals(List.of("U0ALICE acknowledged INC-1"), operations.changes);
    }

    @Test
    void theDeclareFormAndTheIncidentFormsOpenForOnCall() {
        Incident incident = operations.open("GPT-5 errors", Target.model(GPT_5));

        assertInstanceOf(CommandReply.OpenModal.class, commands.execute(DetourCommand.Declare.form(), ALICE));
        assertInstanceOf(CommandReply.OpenModal.class, commands.execute(commands.parse("declare"), CAROL));
        CommandReply.OpenModal update = assertInstanceOf(CommandReply.OpenModal.class, commands.execute(
                new DetourCommand.OpenForm(DetourCommand.Form.UPDATE, incident.id()), ALICE));
        assertEquals("INC-1", update.view().getPrivateMetadata());
        assertEquals(List.of(), operations.changes);
    }

    @Test
    void anIncidentDeclaredWithoutAReasonHasNoTitleOfItsOwnForMessagesToNameItByKindAndTargets() {
        say(new DetourCommand.Declare(List.of(Target.model(OPUS_48)), Optional.empty(),
                dev.detour.incidents.incident.IncidentKind.DEGRADATION), ALICE);

        assertEquals(List.of("U0ALICE opened INC-1 degradation: "), operations.changes);
    }

    @Test
    void aDeclaredReasonIsTheIncidentTitleAsTyped() {
        say(new DetourCommand.Declare(List.of(Target.model(OPUS_48)), Optional.of("Opus is slow"),
                dev.detour.incidents.incident.IncidentKind.DEGRADATION), ALICE);

        assertEquals(List.of("U0ALICE opened INC-1 degradation: Opus is slow"), operations.changes);
    }

    @Test
    void declaringWhatAnOpenIncidentAlreadyCoversNamesThatIncidentAndOpensNone() {
        operations.open("GPT-5 errors", Target.model(GPT_5));

        String reply = say(commands.parse("declare gpt-5"), ALICE);

        assertTrue(reply.startsWith("*INC-1* already covers GPT-5."), reply);
        assertEquals(List.of(), operations.changes);
    }

    @Test
    void anUnknownIncidentIsRejectedWithNothingChanged() {
        assertEquals(":warning: There is no incident INC-99. Nothing was changed.",
                say(commands.parse("update INC-99 still failing"), ALICE));
        assertEquals(":warning: There is no incident INC-42.", say(commands.parse("summary INC-42"), ALICE));
        assertEquals(":warning: There is no incident INC-7. Nothing was changed.",
                say(new DetourCommand.Acknowledge(new IncidentId(7)), ALICE));
    }

    @Test
    void aRefusedChangeSaysWhyInASentence() {
        operations.open("GPT-5 errors", Target.model(GPT_5));
        say(commands.parse("resolve INC-1"), ALICE);

        String reply = say(new DetourCommand.ChangeState(new IncidentId(1), IncidentState.MONITORING), ALICE);

        assertTrue(reply.startsWith(":warning: ") && reply.endsWith(". Nothing was changed."), reply);
    }

    @Test
    void anUnexpectedFailureIsAnsweredWithAReferenceThatTheLogRepeatsWithTheStackTrace() {
        IllegalStateException failure = new IllegalStateException("connection refused");
        operations.failWith(failure);

        try (Logs logs = new Logs()) {
            String reply = say(commands.parse("disable gpt-5"), ALICE);

            Matcher reference = Pattern.compile("\\(reference `([0-9a-f]{8})`\\)").matcher(reply);
            assertTrue(reference.find(), reply);
            assertTrue(!reply.contains("connection refused"), "no internals shown: " + reply);
            ILoggingEvent logged = logs.only(Level.ERROR);
            assertTrue(logged.getFormattedMessage().contains(reference.group(1)), logged.getFormattedMessage());
            assertNotNull(logged.getThrowableProxy(), "the stack trace is in the log");
            assertEquals(failure.getClass().getName(), logged.getThrowableProxy().getClassName());
        }
        assertEquals(List.of(), operations.changes);
    }

    @Test
    void aReplayedRequestHasNoEffectAndNoAnswer() {
        CommandReply reply = commands.execute(commands.parse("disable gpt-5"), ALICE, () -> false);

        assertInstanceOf(CommandReply.Silent.class, reply);
        assertEquals(List.of(), operations.changes);
    }

    @Test
    void aReplayCheckThatCannotBeMadeFailsAsTheCommandWouldWithAReference() {
        CommandReply reply = commands.execute(commands.parse("disable gpt-5"), ALICE, () -> {
            throw new IllegalStateException("the database is down");
        });

        assertTrue(text(reply).contains("(reference `"), text(reply));
        assertEquals(List.of(), operations.changes);
    }

    @Test
    void theReplayCheckComesBeforeThePermissionCheckAndRunsOnce() {
        int[] checks = {0};
        commands.execute(commands.parse("disable gpt-5"), MALLORY, () -> ++checks[0] == 1);

        assertEquals(1, checks[0]);
    }

    @Test
    void onlyHelpAndMistakesAreAnsweredInTheAcknowledgementItself() {
        assertTrue(CommandHandler.answersAtOnce(commands.parse("help")));
        assertTrue(CommandHandler.answersAtOnce(commands.parse("disable")));
        assertTrue(!CommandHandler.answersAtOnce(commands.parse("status")));
        assertTrue(!CommandHandler.answersAtOnce(DetourCommand.Declare.form()));
    }

    /** Captures what CommandHandler logs. */
    static final class Logs implements AutoCloseable {
        private final Logger logger = (Logger) LoggerFactory.getLogger(CommandHandler.class);
        private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

        Logs() {
            appender.start();
            logger.addAppender(appender);
        }

        ILoggingEvent only(Level level) {
            List<ILoggingEvent> events = appender.list.stream().filter(e -> e.getLevel() == level).toList();
            assertEquals(1, events.size(), events.toString());
            return events.get(0);
        }

        @Override
        public void close() {
            logger.detachAppender(appender);
        }
    }

    /** User groups as Slack would list them. */
    record FixedGroups(Map<String, Set<String>> members) implements UserGroupDirectory {
        @Override
        public Set<String> members(String userGroupId) {
            return members.getOrDefault(userGroupId, Set.of());
        }

        @Override
        public Set<String> refresh(String userGroupId) {
            return members(userGroupId);
        }
    }
}
