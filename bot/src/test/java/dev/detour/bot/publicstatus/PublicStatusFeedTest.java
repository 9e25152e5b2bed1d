package dev.detour.bot.publicstatus;

import dev.detour.incidents.readmodel.Uptime;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PublicStatusFeedTest {
    private static final Instant NOW = Instant.parse("2026-06-07T08:00:00Z");
    private static final PublicStatusSettings SETTINGS = new PublicStatusSettings(null, Duration.ofSeconds(30),
            "AI feature status", null, null);
    private static final PublicStatusLinks LINKS = PublicStatusLinks.under("https://status.example.com");

    @Test
    void textThatLooksLikeMarkupOrCannotBeInXmlIsWrittenAsPlainText() throws Exception {
        String title = "Outage: <b>some</b> AI features & \"more\"";
        String text = "Line one\u0001\nLine two ]]> <![CDATA[ x";
        PublicStatus status = new PublicStatus(NOW, List.of(), List.of(), List.of(
                new PublicStatus.Post("urn:uuid:4f7a1a3e-0000-3000-8000-000000000000", NOW, "update", title, text,
                        "20260607-0123456789", Optional.empty(), false)));

        Document feed = PublicStatusIT.parse(new PublicStatusFeed(SETTINGS).render(status, LINKS));

        Element entry = (Element) feed.getElementsByTagNameNS(PublicStatusIT.ATOM, "entry").item(0);
        assertEquals(title, entry.getElementsByTagNameNS(PublicStatusIT.ATOM, "title").item(0).getTextContent());
        assertEquals("https://status.example.com/status/incidents/20260607-0123456789",
                ((Element) entry.getElementsByTagNameNS(PublicStatusIT.ATOM, "link").item(0)).getAttribute("href"),
                "each entry links to its incident's page");
        assertEquals("Line one\nLine two ]]> <![CDATA[ x",
                entry.getElementsByTagNameNS(PublicStatusIT.ATOM, "content").item(0).getTextContent(),
                "a control character XML 1.0 cannot hold is left out");
    }

    @Test
    void aFeedWithoutPostsIsUpdatedWhenItWasRead() throws Exception {
        PublicStatus status = new PublicStatus(NOW, List.of(new PublicStatus.Feature("Meeting summaries",
                FeatureState.NORMAL, Optional.of("Claude Opus 4.8"), Optional.empty(), new Uptime(List.of()))),
                List.of(), List.of());

        Document feed = PublicStatusIT.parse(new PublicStatusFeed(SETTINGS).render(status, LINKS));

        assertEquals("2026-06-07T08:00:00Z",
                feed.getElementsByTagNameNS(PublicStatusIT.ATOM, "updated").item(0).getTextContent());
        assertEquals(0, feed.getElementsByTagNameNS(PublicStatusIT.ATOM, "entry").getLength());
    }
}
