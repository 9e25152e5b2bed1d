package dev.detour.bot.publicstatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detour.bot.api.ApiError;
import dev.detour.incidents.application.AvailabilityService;
import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.application.RoutingOutcome;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.UpdateText;
import dev.detour.incidents.testing.MovableClock;
import dev.detour.incidents.testing.SeedConfigFactory;
import dev.detour.incidents.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import static dev.detour.incidents.SeedCatalog.OPUS_47;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public status while an incident is open: both Claude Opus models are switched off, so meeting summaries
 * fall back to GPT-5, code migration plans wait for on-call's decision and contract review is paused; on-call
 * has posted an update for the incident's thread only, then one with a part for the thread and a part for
 * customers. The API token is set, and none of it is needed here.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicStatusIT implements TestPropertyProvider {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String TOKEN = "api-token-for-tests-0123456789";
    private static final Actor ALICE = Actor.user("U0ALICE");
    /** On-call's words as the slash command stores them: a Slack mention, and characters HTML and XML escape. */
    private static final String UPDATE = "Requests to Claude fail; <@U0ALICE|alice> is on it. "
            + "Prompts with <tags> & \"quotes\" work as before.";
    private static final String UPDATE_AS_SHOWN = "Requests to Claude fail; @alice is on it. "
            + "Prompts with <tags> & \"quotes\" work as before.";
    /** On-call's words for the thread only, in an update of their own and next to the customers' part. */
    private static final String INTERNAL_ONLY = "Capacity ticket 4242 is open with Anthropic; no ETA yet.";
    private static final String INTERNAL = "Rollback of gateway-config-7781 is our suspect; <@U0BOB> owns it.";
    /** A word of each internal text that nothing else on the public surfaces has. */
    private static final List<String> INTERNAL_WORDS = List.of("4242", "ETA", "gateway-config-7781", "suspect",
            "U0BOB", "owns it");
    /** Every id of the seed catalog and its Slack settings, and incident numbers: none may be shown. */
    private static final List<String> INTERNAL_IDS = List.of("claude-opus-4-8", "claude-opus-4-7",
            "claude-sonnet-4-6", "gpt-5", "anthropic", "openai", "meeting-summary", "code-migration", "legal-review",
            "INC-", "U0ALICE", "S0ONCALL", "C0INCIDENTS", "C0SUPPORT", "C0MANAGERS");
    private static final Pattern RFC_3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    AvailabilityService availability;

    @Inject
    IncidentService incidents;

    @Inject
    MovableClock clock;

    @Inject
    ObjectMapper json;

    @Inject
    EmbeddedServer server;

    private Instant disabledAt;

    /** The database every Detour of this class runs on: a fresh one each call. */
    protected Map<String, Object> database() {
        return TestDatabase.h2();
    }

    @Override
    public Map<String, String> getProperties() {
        return properties(database());
    }

    private static Map<String, String> properties(Map<String, Object> database) {
        Map<String, String> properties = new HashMap<>();
        database.forEach((key, value) -> properties.put(key, String.valueOf(value)));
        properties.put(SeedConfigFactory.ENABLED, "true");
        properties.put("detour.api-token", TOKEN);
        return properties;
    }

    @BeforeAll
    void openAnIncidentThatAffectsUsersAndPostAnUpdate() {
        disabledAt = clock.instant();
        RoutingOutcome.Applied disabled = assertInstanceOf(RoutingOutcome.Applied.class, availability.disable(
                List.of(Target.model(OPUS_48), Target.model(OPUS_47)), ALICE, Optional.of("elevated 529s")));
        IncidentId incident = disabled.incident().orElseThrow().id();
        clock.advance(Duration.ofMinutes(10));
        assertInstanceOf(IncidentChange.Applied.class, incidents.postUpdate(incident,
                UpdateText.internalOnly(INTERNAL_ONLY), ALICE));
        assertInstanceOf(IncidentChange.Applied.class, incidents.postUpdate(incident,
                new UpdateText(INTERNAL, UPDATE), ALICE));
        clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void theJsonNamesEveryFeatureWithItsStateModelAndSince() throws Exception {
        JsonNode status = json.readTree(get(http, "/status.json", "application/json"));

        assertEquals("degraded", status.get("state").asText());
        assertEquals(clock.instant(), Instant.parse(status.get("updated").asText()));
        JsonNode features = status.get("features");
        assertEquals(3, features.size(), features.toString());
        assertFeature(features.get(0), "Meeting summaries", "fallback", "GPT-5");
        assertFeature(features.get(1), "Code migration plans", "awaiting-decision", null);
        assertFeature(features.get(2), "Contract review", "paused", null);
        assertEquals(disabledAt, Instant.parse(features.get(0).get("since").asText()));
    }

    @Test
    void theJsonListsTheSupportPostsNewestFirstWithTheOnCallUpdate() throws Exception {
        JsonNode posts = json.readTree(get(http, "/status.json", "application/json")).get("posts");

        assertEquals(2, posts.size(), "the post when users were first affected and the update: " + posts);
        JsonNode update = posts.get(0);
        assertEquals("update", update.get("kind").asText());
        assertTrue(update.get("title").asText().endsWith("some AI features are affected · Update 2"),
                "the second post about the incident (the internal update made none): " + update);
        assertTrue(posts.get(1).get("title").asText().endsWith("some AI features are affected"), posts.toString());
        assertTrue(update.get("text").asText().contains("Update from the on-call team: " + UPDATE_AS_SHOWN),
                update.get("text").asText());
        assertTrue(update.get("text").asText().contains("Meeting summaries: running on GPT-5 for now."));
        JsonNode first = posts.get(1);
        assertEquals("status", first.get("kind").asText());
        assertEquals(disabledAt, Instant.parse(first.get("at").asText()));
        assertTrue(Instant.parse(update.get("at").asText()).isAfter(Instant.parse(first.get("at").asText())));
        assertEquals(List.of("at", "title", "text", "kind", "nextUpdateBy"), fieldNames(update));
        assertTrue(Instant.parse(update.get("nextUpdateBy").asText()).isAfter(Instant.parse(update.get("at")
                .asText())), "the newest post of the open incident promises the next one, as data");
        assertTrue(first.get("nextUpdateBy").isNull(), "an older post's promise is stale: " + first);
        assertFalse(update.get("text").asText().contains("Next update"), "the promise is not in the words");
    }

    @Test
    void thePageShowsTheAffectedFeaturesAndTheSupportPostsWithoutScripts() throws Exception {
        HttpResponse<byte[]> response = http.toBlocking().exchange(HttpRequest.GET("/status"), byte[].class);
        String html = new String(response.body(), StandardCharsets.UTF_8);

        assertEquals("text/html;charset=utf-8", contentType(response));
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), html);
        assertTrue(response.getHeaders().get("Content-Security-Policy").contains("default-src 'none'"));
        Document page = parse(response.body());
        assertEquals(0, page.getElementsByTagName("script").getLength());
        assertEquals("html", page.getDocumentElement().getTagName());
        assertEquals("AI feature status", text(page, "title").get(0));
        assertEquals("Some AI features are affected.", byClass(page, "p", "overall degraded").get(0));
        assertTrue(html.contains("role=\"status\""), "the banner is announced as a status");
        assertFalse(html.contains("http-equiv"), "the page never reloads itself");
        assertEquals(List.of("Meeting summaries", "Code migration plans", "Contract review"),
                byClass(page, "strong", "name"), "every feature is listed");
        assertEquals(List.of("On a backup model: GPT-5"), byClass(page, "span", "state-fallback"));
        assertEquals(List.of("Paused while the team decides"), byClass(page, "span", "state-awaiting-decision"));
        assertEquals(List.of("Paused"), byClass(page, "span", "state-paused"));
        assertEquals(List.of("since 2026-06-07 07:00 UTC (11 min ago)", "since 2026-06-07 07:00 UTC (11 min ago)",
                "since 2026-06-07 07:00 UTC (11 min ago)"), byClass(page, "span", "since"));
        assertEquals(1, text(page, "h3").size(), "one incident: " + text(page, "h3"));
        assertEquals(List.of("Update", "Status"), text(page, "h4"), "its two posts, newest first");
        assertEquals(1, html.split("Next update by", -1).length - 1,
                "only the newest post of an open incident promises the next one");
        assertTrue(byClass(page, "p", "text").get(0).contains("Update from the on-call team: " + UPDATE_AS_SHOWN),
                "the update, escaped in the page and read back whole: " + byClass(page, "p", "text"));
        assertTrue(html.contains("&lt;tags&gt; &amp;"), "markup in a post is text, not markup");
        String here = "http://localhost:" + server.getPort();
        assertEquals(List.of(here + "/status/feed.atom", here + "/status.json"), followLinks(page),
                "without detour.status.public-url the links name the host the page was asked for");
        assertTrue(hrefs(page).stream().allMatch(href -> href.startsWith(here + "/status")), hrefs(page).toString());
    }

    @Test
    void eachIncidentHasItsOwnPageUnderAnOpaqueIdAndAnyOtherIdIsNotFound() throws Exception {
        JsonNode incident = json.readTree(get(http, "/status.json", "application/json")).get("incidents").get(0);
        String id = incident.get("id").asText();
        assertTrue(id.matches("20260607-[0-9a-f]{10}"), id);
        assertTrue(incident.get("resolved").isNull());
        assertEquals(2, incident.get("posts").size());

        Document page = parse(get(http, URI.create(incident.get("url").asText()).getPath(), "text/html"));
        assertEquals("Outage: some AI features are affected", text(page, "h1").get(0));
        assertTrue(byClass(page, "p", "text").get(0).contains(UPDATE_AS_SHOWN), byClass(page, "p", "text").toString());

        for (String other : List.of("20260607-0000000000", "INC-1", "1", "20261399-0123456789")) {
            HttpClientResponseException missing = assertThrows(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange(HttpRequest.GET("/status/incidents/" + other), String.class));
            assertEquals(HttpStatus.NOT_FOUND, missing.getStatus(), other);
        }
    }

    @Test
    void aForwardedSchemeOtherThanHttpOrAMalformedHostIsNeverReflectedInTheLinks() throws Exception {
        String own = "http://localhost:" + server.getPort();
        List<Map<String, String>> hostile = List.of(
                Map.of("X-Forwarded-Proto", "javascript", "X-Forwarded-Host", "evil.example"),
                Map.of("X-Forwarded-Proto", "data", "X-Forwarded-Host", "evil.example"),
                Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example/<script>"),
                Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil example"),
                Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "user@evil.example"),
                Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example", "X-Forwarded-Port", "99999"),
                Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "[zz::1]"),
                Map.of("Forwarded", "proto=javascript;host=evil.example"),
                // well formed, but Micronaut's header parser cuts host names at the first colon
                Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "[2001:db8::1]:8443"));
        for (Map<String, String> headers : hostile) {
            MutableHttpRequest<?> request = HttpRequest.GET("/status");
            headers.forEach(request::header);
            Document page = parse(http.toBlocking().exchange(request, byte[].class).body());
            assertEquals(List.of(own + "/status/feed.atom", own + "/status.json"), followLinks(page),
                    headers.toString());
            assertTrue(hrefs(page).stream().allMatch(href -> href.startsWith(own + "/")), hrefs(page).toString());

            MutableHttpRequest<?> feedRequest = HttpRequest.GET("/status/feed.atom");
            headers.forEach(feedRequest::header);
            Element feed = assertAtomFeed(http.toBlocking().exchange(feedRequest, byte[].class).body());
            assertEquals(List.of(own + "/status/feed.atom"), links(feed, "self"), headers.toString());
        }
    }

    @Test
    void aWellFormedForwardedOriginNamesTheLinks() throws Exception {
        for (Map.Entry<String, String> forwarded : Map.of(
                "status.example.org", "https://status.example.org",
                "status.example.org:8443", "https://status.example.org:8443").entrySet()) {
            Document page = parse(http.toBlocking().exchange(HttpRequest.GET("/status")
                    .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", forwarded.getKey()),
                    byte[].class).body());
            assertEquals(forwarded.getValue() + "/status.json", followLinks(page).get(1));
        }
    }

    @Test
    void thePublicPagesMayBeKeptBrieflyByBrowsersAndProxies() {
        for (String uri : List.of("/status", "/status.json", "/status/feed.atom")) {
            HttpResponse<byte[]> response = http.toBlocking().exchange(HttpRequest.GET(uri), byte[].class);
            assertEquals("public, max-age=30", response.getHeaders().get("Cache-Control"), uri);
        }
        for (String uri : List.of("/status", "/status/feed.atom")) {
            String vary = http.toBlocking().exchange(HttpRequest.GET(uri), byte[].class).getHeaders().get("Vary");
            assertTrue(vary != null && vary.contains("X-Forwarded-Host") && vary.contains("Forwarded"),
                    uri + " links name the forwarded host, so caches keep one copy per host: " + vary);
        }
    }

    @Test
    void theFeedIsAtomWithOneEntryPerSupportPostNewestFirst() throws Exception {
        HttpResponse<byte[]> response = http.toBlocking().exchange(HttpRequest.GET("/status/feed.atom"),
                byte[].class);

        assertEquals("application/atom+xml;charset=utf-8", contentType(response));
        Element feed = assertAtomFeed(response.body());
        List<Element> entries = children(feed, "entry");
        assertEquals(2, entries.size());
        assertTrue(child(entries.get(0), "content").getTextContent()
                .contains("Update from the on-call team: " + UPDATE_AS_SHOWN));
        assertEquals("text", child(entries.get(0), "content").getAttribute("type"));
        assertEquals("update", child(entries.get(0), "category").getAttribute("term"));
        assertEquals(child(entries.get(0), "updated").getTextContent(), child(feed, "updated").getTextContent(),
                "the feed changed when its newest post was written");
        assertNotEquals(child(entries.get(0), "id").getTextContent(), child(entries.get(1), "id").getTextContent());
    }

    @Test
    void entryIdsStayTheSameFromOneReadingToTheNext() throws Exception {
        Element before = assertAtomFeed(get(http, "/status/feed.atom", "application/atom+xml"));
        Element after = assertAtomFeed(get(http, "/status/feed.atom", "application/atom+xml"));

        assertEquals(entryIds(before), entryIds(after));
        assertTrue(entryIds(before).stream().allMatch(id -> id.startsWith("urn:uuid:")), entryIds(before).toString());
    }

    @Test
    void anUpdatesInternalTextNeverAppearsOnThePageTheJsonOrTheFeedWhileItsPublicTextDoes() throws Exception {
        for (String uri : List.of("/status", "/status.json", "/status/feed.atom")) {
            String body = new String(get(http, uri, "*/*"), StandardCharsets.UTF_8);
            for (String word : INTERNAL_WORDS) {
                assertFalse(body.contains(word), uri + " shows the internal " + word + ":\n" + body);
            }
        }
        JsonNode posts = json.readTree(get(http, "/status.json", "application/json")).get("posts");
        assertTrue(posts.get(0).get("text").asText().contains(UPDATE_AS_SHOWN), posts.toString());
        Document page = parse(get(http, "/status", "text/html"));
        assertTrue(byClass(page, "p", "text").get(0).contains(UPDATE_AS_SHOWN), byClass(page, "p", "text").toString());
        Element feed = assertAtomFeed(get(http, "/status/feed.atom", "application/atom+xml"));
        assertTrue(child(children(feed, "entry").get(0), "content").getTextContent().contains(UPDATE_AS_SHOWN));
    }

    @Test
    void noneOfTheThreeShowsAnInternalId() {
        for (String uri : List.of("/status", "/status.json", "/status/feed.atom")) {
            String body = new String(get(http, uri, "*/*"), StandardCharsets.UTF_8);
            for (String id : INTERNAL_IDS) {
                assertFalse(body.contains(id), uri + " shows " + id + ":\n" + body);
            }
        }
    }

    @Test
    void theEndpointsNeedNoTokenWhileTheApiDoes() {
        for (String uri : List.of("/status", "/status.json", "/status/feed.atom")) {
            assertEquals(HttpStatus.OK, http.toBlocking().exchange(HttpRequest.GET(uri), byte[].class).status(), uri);
            assertEquals(HttpStatus.OK, http.toBlocking().exchange(HttpRequest.GET(uri).bearerAuth("a-wrong-token"),
                    byte[].class).status(), uri + " ignores a token it does not need");
        }
        HttpClientResponseException api = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/status"), String.class));
        assertEquals(HttpStatus.UNAUTHORIZED, api.getStatus(), "the token is set for this Detour");
    }

    @Test
    void aWrongPathOrMethodUnderStatusIsAnsweredWithAJsonError() {
        HttpClientResponseException missing = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/status/feed.rss"), String.class));
        assertEquals(HttpStatus.NOT_FOUND, missing.getStatus());
        assertEquals("not_found", missing.getResponse().getBody(ApiError.class).orElseThrow().error());

        HttpClientResponseException posted = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/status.json", "{}"), String.class));
        assertEquals(HttpStatus.METHOD_NOT_ALLOWED, posted.getStatus());
        assertEquals("method_not_allowed", posted.getResponse().getBody(ApiError.class).orElseThrow().error());
    }

    @Test
    void withNoIncidentEveryFeatureIsNormalAndTheFeedHasNoEntries() throws Exception {
        Map<String, Object> properties = new HashMap<>(properties(database()));
        properties.put("micronaut.server.port", "-1");
        properties.put("detour.status.public-url", "https://status.example.com/detour/");
        try (EmbeddedServer quiet = ApplicationContext.run(EmbeddedServer.class, properties);
             HttpClient client = HttpClient.create(quiet.getURL())) {
            JsonNode status = json.readTree(get(client, "/status.json", "application/json"));
            assertEquals("operational", status.get("state").asText());
            List<String> states = new ArrayList<>();
            status.get("features").forEach(feature -> states.add(feature.get("state").asText()));
            assertEquals(List.of("normal", "normal", "normal"), states);
            assertEquals(List.of("Claude Opus 4.8", "Claude Opus 4.7", "Claude Opus 4.8"),
                    textValues(status.get("features"), "model"));
            assertEquals(0, status.get("posts").size());

            Document page = parse(get(client, "/status", "text/html"));
            assertEquals("All AI features work normally.", byClass(page, "p", "overall operational").get(0));
            assertEquals(List.of("Operational", "Operational", "Operational"),
                    byClass(page, "span", "state-normal"), "every feature is listed, each operational");
            assertTrue(text(page, "p").contains("No incidents reported."), text(page, "p").toString());

            Element feed = assertAtomFeed(get(client, "/status/feed.atom", "application/atom+xml"));
            assertEquals(List.of(), children(feed, "entry"));
            assertEquals(List.of("https://status.example.com/detour/status/feed.atom"), links(feed, "self"),
                    "detour.status.public-url names where people reach Detour");
            assertEquals("https://status.example.com/detour/status", child(feed, "id").getTextContent());
        }
    }

    @Test
    void aPublicUrlThatIsNotAnAbsoluteHttpUrlStopsStartUp() {
        Map<String, Object> properties = new HashMap<>(properties(database()));
        properties.put("detour.status.public-url", "status.example.com");

        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> ApplicationContext.run(properties).close());
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains("detour.status.public-url (DETOUR_STATUS_PUBLIC_URL) must be an"
                + " absolute http(s) URL"), messages.toString());
    }

    // --- Atom (RFC 4287) ---

    /** The feed parses, in the Atom namespace, with what RFC 4287 requires of the feed and of every entry. */
    private static Element assertAtomFeed(byte[] body) throws Exception {
        Element feed = parse(body).getDocumentElement();
        assertEquals(ATOM, feed.getNamespaceURI());
        assertEquals("feed", feed.getLocalName());
        assertAbsoluteIri(child(feed, "id").getTextContent());
        assertFalse(child(feed, "title").getTextContent().isBlank());
        assertRfc3339(child(feed, "updated").getTextContent());
        assertFalse(child(child(feed, "author"), "name").getTextContent().isBlank(), "entries take the feed's author");
        assertEquals(1, links(feed, "self").size(), "one link rel=self");
        assertTrue(links(feed, "self").get(0).endsWith("/status/feed.atom"));
        assertEquals(1, links(feed, "alternate").size(), "one link rel=alternate");
        for (Element entry : children(feed, "entry")) {
            assertAbsoluteIri(child(entry, "id").getTextContent());
            assertFalse(child(entry, "title").getTextContent().isBlank());
            assertRfc3339(child(entry, "updated").getTextContent());
            assertFalse(child(entry, "content").getTextContent().isBlank(), "an entry without a link has content");
        }
        return feed;
    }

    /** Exactly one child of that name in the Atom namespace. */
    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertEquals(1, found.size(), "one atom:" + name + " in atom:" + parent.getLocalName());
        return found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && ATOM.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static List<String> links(Element feed, String rel) {
        return children(feed, "link").stream().filter(link -> rel.equals(link.getAttribute("rel")))
                .map(link -> link.getAttribute("href")).toList();
    }

    private static List<String> entryIds(Element feed) {
        return children(feed, "entry").stream().map(entry -> child(entry, "id").getTextContent()).toList();
    }

    private static void assertAbsoluteIri(String id) {
        assertTrue(URI.create(id).isAbsolute(), id + " is an absolute IRI");
    }

    private static void assertRfc3339(String time) {
        assertTrue(RFC_3339.matcher(time).matches(), time + " is an RFC 3339 date-time");
        OffsetDateTime.parse(time);
    }

    // --- HTTP and parsing ---

    private static byte[] get(HttpClient client, String uri, String accept) {
        HttpResponse<byte[]> response = client.toBlocking().exchange(HttpRequest.GET(uri).accept(accept),
                byte[].class);
        assertEquals(HttpStatus.OK, response.status(), uri);
        return response.body();
    }

    private static String contentType(HttpResponse<?> response) {
        return response.getHeaders().get("Content-Type").replace(" ", "").toLowerCase(Locale.ROOT);
    }

    /** A namespace-aware XML parse that refuses to load anything from outside. */
    static Document parse(byte[] body) throws ParserConfigurationException, IOException, SAXException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    private static List<String> text(Document page, String tag) {
        NodeList nodes = page.getElementsByTagName(tag);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().strip());
        }
        return texts;
    }

    private static List<String> byClass(Document page, String tag, String className) {
        NodeList nodes = page.getElementsByTagName(tag);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element element = (Element) nodes.item(i);
            if (className.equals(element.getAttribute("class"))) {
                texts.add(element.getTextContent().strip());
            }
        }
        return texts;
    }

    /** The links of the "Follow updates" section: the feed, then the JSON. */
    private static List<String> followLinks(Document page) {
        List<String> all = hrefs(page);
        return all.subList(all.size() - 2, all.size());
    }

    private static List<String> hrefs(Document page) {
        NodeList anchors = page.getElementsByTagName("a");
        List<String> hrefs = new ArrayList<>();
        for (int i = 0; i < anchors.getLength(); i++) {
            hrefs.add(((Element) anchors.item(i)).getAttribute("href"));
        }
        return hrefs;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> textValues(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.get(field).asText()));
        return values;
    }

    private static void assertFeature(JsonNode feature, String name, String state, String model) {
        assertEquals(name, feature.get("name").asText(), feature.toString());
        assertEquals(state, feature.get("state").asText(), feature.toString());
        if (model == null) {
            assertTrue(feature.get("model").isNull(), "a paused feature has no model: " + feature);
        } else {
            assertEquals(model, feature.get("model").asText(), feature.toString());
        }
        assertEquals(List.of("name", "state", "model", "since", "uptime"), fieldNames(feature));
    }
}
