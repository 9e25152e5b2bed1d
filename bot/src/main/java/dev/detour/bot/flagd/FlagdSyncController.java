package dev.detour.bot.flagd;

import dev.detour.bot.ofrep.IfNoneMatch;
import dev.detour.incidents.flags.FlagSet;
import dev.detour.incidents.queries.CurrentFlags;
import dev.detour.notifications.flags.FlagDocuments;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;

/**
 * flagd's HTTP sync source (docs/flags.md, "flagd over HTTP"): {@code GET /flagd/v1/flags.json} is the document the
 * flagd file sink writes, for the current flag snapshot, with a strong ETag (a digest of its bytes) so flagd's
 * polling with {@code If-None-Match} costs a 304 while nothing changed. Behind the API token ({@code ApiTokenFilter}).
 */
@Controller("/flagd/v1")
public class FlagdSyncController {
    private final CurrentFlags flags;
    /** The document of the last snapshot asked for: rendered once per change, not once per poll. */
    private final AtomicReference<Document> last = new AtomicReference<>();

    public FlagdSyncController(CurrentFlags flags) {
        this.flags = flags;
    }

    /** The flagd document of one snapshot and its entity tag. */
    record Document(FlagSet source, byte[] body, String etag) {
        static Document of(FlagSet flags) {
            byte[] body = FlagDocuments.flagd(flags).getBytes(StandardCharsets.UTF_8);
            return new Document(flags, body, "\"" + sha256(body) + "\"");
        }
    }

    @Get(uri = "/flags.json", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> flags(HttpHeaders headers) {
        Document document = current();
        if (IfNoneMatch.matches(headers.getAll(HttpHeaders.IF_NONE_MATCH), document.etag())) {
            return HttpResponse.<byte[]>notModified().header(HttpHeaders.ETAG, document.etag());
        }
        return HttpResponse.ok(document.body()).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.ETAG, document.etag())
                .header(HttpHeaders.CACHE_CONTROL, "no-cache");
    }

    private Document current() {
        FlagSet now = flags.get();
        Document document = last.get();
        if (document == null || document.source() != now) {
            document = Document.of(now);
            last.set(document);
        }
        return document;
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
