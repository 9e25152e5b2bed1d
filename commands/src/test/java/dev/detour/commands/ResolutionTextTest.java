package dev.detour.commands;

import dev.detour.incidents.incident.FollowUp;
import dev.detour.incidents.incident.Resolution;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class ResolutionTextTest {
    @Test
    void theCommandTakesASummaryACauseAndRepeatedFollowUps() {
        Resolution resolution = ResolutionText.ofCommand("Anthropic fixed it --cause capacity overload at Anthropic"
                + " --follow-up Add a second provider @bob due 2026-06-20 —follow-up Review the consent timeout");
        assertEquals(new Resolution("Anthropic fixed it", "capacity overload at Anthropic", List.of(
                new FollowUp("Add a second provider", Optional.of("@bob"), Optional.of(LocalDate.of(2026, 6, 20))),
                new FollowUp("Review the consent timeout", Optional.empty(), Optional.empty()))), resolution);
    }

    @Test
    void aSummaryAloneIsTheWholeResolution() {
        assertEquals(Resolution.summary("all good"), ResolutionText.ofCommand("all good"));
    }

    @Test
    void theFormTakesOneFollowUpALineWithASlackMention() {
        assertEquals(List.of(new FollowUp("Write the postmortem", Optional.of("<@U0ALICE>"),
                        Optional.of(LocalDate.of(2026, 7, 1)))),
                ResolutionText.followUpLines("\nWrite the postmortem <@U0ALICE> 2026-07-01\n  \n"));
    }

    @Test
    void theParserHandsTheResolutionOn() {
        DetourCommand command = new CommandParser(dev.detour.incidents.SeedCatalog.catalog(), CommandHandlerTest.ENGLISH)
                .parse("resolve INC-4 -- fixed --cause a bad deploy on our side --follow-up Add a canary @carol");
        assertEquals(new DetourCommand.Resolve(new dev.detour.incidents.incident.IncidentId(4), new Resolution("fixed",
                "a bad deploy on our side", List.of(new FollowUp("Add a canary", Optional.of("@carol"),
                Optional.empty())))), command);
    }

    @Test
    void resolvePublicGivesTheResolutionAPartForCustomersAsTheyWillReadIt() {
        CommandParser parser = new CommandParser(dev.detour.incidents.SeedCatalog.catalog(), CommandHandlerTest.ENGLISH);

        DetourCommand command = parser.parse("resolve INC-4 -- fixed --public Summaries work again, <@U0ALICE|alice>"
                + " checked. --cause overload at Anthropic");

        Resolution resolution = assertInstanceOf(DetourCommand.Resolve.class, command).resolution();
        assertEquals("fixed", resolution.summary());
        assertEquals("overload at Anthropic", resolution.cause());
        assertEquals(Optional.of("Summaries work again, @alice checked."), resolution.forCustomers(),
                "a mention shows its display name, never live");
    }

    @Test
    void resolveWithOnlyAPublicPartNeedsNoSeparatorAndHasNoSummary() {
        CommandParser parser = new CommandParser(dev.detour.incidents.SeedCatalog.catalog(), CommandHandlerTest.ENGLISH);

        Resolution resolution = assertInstanceOf(DetourCommand.Resolve.class,
                parser.parse("resolve INC-4 --public All features work normally again.")).resolution();

        assertEquals("", resolution.summary());
        assertEquals(Optional.of("All features work normally again."), resolution.forCustomers());
    }

    @Test
    void resolveWithoutPublicHasNoPartForCustomers() {
        CommandParser parser = new CommandParser(dev.detour.incidents.SeedCatalog.catalog(), CommandHandlerTest.ENGLISH);

        Resolution resolution = assertInstanceOf(DetourCommand.Resolve.class,
                parser.parse("resolve INC-4 -- fixed, internal only")).resolution();

        assertEquals(Optional.empty(), resolution.forCustomers());
        assertEquals("fixed, internal only", resolution.summary());
    }

    @Test
    void anEmptyPublicPartOrASecondIncidentIsRefusedWithTheUsage() {
        CommandParser parser = new CommandParser(dev.detour.incidents.SeedCatalog.catalog(), CommandHandlerTest.ENGLISH);

        assertEquals("Write the text for customers after `--public`.", assertInstanceOf(DetourCommand.Invalid.class,
                parser.parse("resolve INC-4 -- fixed --public ")).problem());
        assertInstanceOf(DetourCommand.Invalid.class, parser.parse("resolve INC-4 INC-5 --public text"));
    }
}
