package dev.detour.messages;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlackTextTest {
    @Test
    void slacksThreeControlCharactersAreEscapedAndNothingElse() {
        assertEquals("&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt; 漢字 😀 \"'",
                SlackText.escape("<!channel> & <https://evil.example|click> 漢字 😀 \"'"));
    }

    @Test
    void slacksOwnEncodingTypedAsTextIsEscapedAgainNotPassedOnAsMarkup() {
        assertEquals("&amp;lt;!channel&amp;gt;", SlackText.escape("&lt;!channel&gt;"));
    }

    @Test
    void textIsCutBeforeItIsEscapedSoTheEscapedTextFitsAndNoEntityIsSplit() {
        String escaped = SlackText.escape("a<".repeat(100), 60);
        assertTrue(escaped.length() <= 60, escaped.length() + " characters");
        assertTrue(escaped.matches("(a&lt;)*a?… \\(cut, \\d+ characters\\)"), escaped);
    }

    @Test
    void textThatFitsOnceEscapedIsNotCut() {
        assertEquals("&lt;".repeat(10), SlackText.escape("<".repeat(10), 40));
    }

    @Test
    void aPersonMentionCanBeKeptWhileEveryOtherMarkupIsEscaped() {
        assertEquals("ask <@U0ALICE> &lt;!here&gt; &lt;@U0BOB|bob&gt; &lt;#C0GENERAL&gt; &lt;@here&gt;",
                SlackText.escapeKeepingPersonMentions("ask <@U0ALICE> <!here> <@U0BOB|bob> <#C0GENERAL> <@here>",
                        3000));
    }

    @Test
    void aPersonMentionCutInHalfIsShownAsText() {
        String kept = SlackText.escapeKeepingPersonMentions("x".repeat(20) + "<@U0ALICE>" + "y".repeat(40), 50);
        assertTrue(kept.startsWith("x".repeat(20) + "&lt;@U"), kept);
    }

    @Test
    void entitiesAreReadBackInOnePassSoEscapedEncodingStaysText() {
        assertEquals("<b> & &lt;!channel&gt; &nbsp;", SlackText.unescape("&lt;b&gt; &amp; &amp;lt;!channel&amp;gt; &nbsp;"));
    }
}
