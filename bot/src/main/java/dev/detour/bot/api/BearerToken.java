package dev.detour.bot.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** A configured secret that requests must present, compared in constant time. */
public final class BearerToken {
    private static final String BEARER = "Bearer "; // the scheme is case-insensitive (RFC 7235)

    private final byte[] token;

    public BearerToken(String configured) {
        this.token = configured == null ? new byte[0] : configured.getBytes(StandardCharsets.UTF_8);
    }

    public boolean isSet() {
        return token.length > 0;
    }

    /** An {@code Authorization} header value that carries the token. */
    public boolean acceptsHeader(String header) {
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && accepts(header.substring(BEARER.length()));
    }

    /** Constant-time, so response timing does not reveal how much of a guess was right. */
    public boolean accepts(String presented) {
        return isSet() && presented != null
                && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }
}
