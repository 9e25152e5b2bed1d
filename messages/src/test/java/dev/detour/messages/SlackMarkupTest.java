package dev.detour.messages;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SlackMarkupTest {
    @Test
    void mentionsReadAsNamesWithoutTheirIds() {
        assertEquals("@alice and @oncall in #support", SlackMarkup.plain(
                "<@U0ALICE|alice> and <!subteam^S0ONCALL|@oncall> in <#C0SUPPORT|support>"));
    }

    @Test
    void mentionsWithoutANameReadAsSomeoneOrAChannel() {
        assertEquals("someone asked in a channel, @here",
                SlackMarkup.plain("<@U0ALICE> asked in <#C0SUPPORT>, <!here>"));
    }

    @Test
    void linksKeepTheirAddressNextToTheirLabel() {
        assertEquals("the runbook (https://example.com/run) and https://example.com", SlackMarkup.plain(
                "<https://example.com/run|the runbook> and <https://example.com>"));
    }

    @Test
    void aDateReadsAsItsFallbackText() {
        assertEquals("back by Feb 18 at 6:39 AM", SlackMarkup.plain(
                "back by <!date^1392734382^{date_short} at {time}|Feb 18 at 6:39 AM>"));
    }

    @Test
    void wordsAreShownAsTypedAndMarkupInThemReadsAsPlainTextWithoutIds() {
        // A support post keeps what on-call typed: "<!channel> <@U0ALICE|alice>", "&lt;b&gt;" and "R&D".
        assertEquals("@channel @alice &lt;b&gt; R&D", SlackMarkup.plain(
                "<!channel> <@U0ALICE|alice> &lt;b&gt; R&D"));
    }

    @Test
    void aDisguisedLinkShowsItsAddress() {
        assertEquals("click (https://evil.example)", SlackMarkup.plain("<https://evil.example|click>"));
    }

    @Test
    void aLinksLabelAndAddressAreShownAsTyped() {
        assertEquals("Q&A (https://example.com/?a=1&b=2)",
                SlackMarkup.plain("<https://example.com/?a=1&b=2|Q&A>"));
    }

    @Test
    void angleBracketsThatAreNotSlackMarkupStayAsTheyAre() {
        assertEquals("Prompts with <tags> & a < b > c work", SlackMarkup.plain("Prompts with <tags> & a < b > c work"));
    }
}
