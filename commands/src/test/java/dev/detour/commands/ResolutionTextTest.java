package dev.detour.commands;

import dev.detour.incidents.incident.FollowUp;
import dev.detour.incidents.incident.Resolution;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
