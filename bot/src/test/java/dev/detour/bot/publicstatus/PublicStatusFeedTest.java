package dev.detour.bot.publicstatus;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PublicStatusFeedTest {
    private static final Instant NOW = Instant.parse("2026-06-07T08:00:00Z");
    private static final PublicStatusLinks LINKS = PublicStatusLinks.under("https://status.example.com");

    @Test
    void textThatLooksLikeMarkupOrCannotBeInXmlIsWrittenAsPlainText() throws Exception {
        String title = "Outage: <b>some</b> AI features & \"more\"";
        String text = "Line one\u0001\nLine two ]]> <![CDATA[ x";
        PublicStatus status = new PublicStatus(NOW, List.of(), List.of(
                new PublicStatus.Post("urn:uuid:4f7a1a3e-0000-3000-8000-000000000000", NOW, "update", title, text)));

        Document feed = PublicStatusIT.parse(new PublicStatusFeed().render(status, LINKS));

        Element entry = (Element) feed.getElementsByTagNameNS(PublicStatusIT.ATOM, "entry").item(0);
        assertEquals(title, entry.getElementsByTagNameNS(PublicStatusIT.ATOM, "title").item(0).getTextContent());
        assertEquals("Line one\nLine two ]]> <![CDATA[ x",
                entry.getElementsByTagNameNS(PublicStatusIT.ATOM, "content").item(0).getTextContent(),
                "a control character XML 1.0 cannot hold is left out");
    }

    @Test
    void aFeedWithoutPostsIsUpdatedWhenItWasRead() throws Exception {
        PublicStatus status = new PublicStatus(NOW, List.of(new PublicStatus.Feature("Meeting summaries",
                FeatureState.NORMAL, Optional.of("Claude Opus 4.8"), Optional.empty())), List.of());

        Document feed = PublicStatusIT.parse(new PublicStatusFeed().render(status, LINKS));

        assertEquals("2026-06-07T08:00:00Z",
                feed.getElementsByTagNameNS(PublicStatusIT.ATOM, "updated").item(0).getTextContent());
        assertEquals(0, feed.getElementsByTagNameNS(PublicStatusIT.ATOM, "entry").getLength());
    }
}
