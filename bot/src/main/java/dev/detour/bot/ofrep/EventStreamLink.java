package dev.detour.bot.ofrep;

import java.util.List;

/**
 * An entry of OFREP's {@code eventStreams} (open-feature/protocol, ADR-0008): where a provider connects for change
 * events, relative to the OFREP base URL it already uses, and how long an idle client keeps the connection.
 */
public record EventStreamLink(String type, Endpoint endpoint, long inactivityDelaySec) {
    static final String PATH = "/ofrep/v1/events";

    public record Endpoint(String requestUri) {
    }

    /** The one stream Detour offers. */
    static List<EventStreamLink> of(OfrepEventSettings settings) {
        return List.of(new EventStreamLink("sse", new Endpoint(PATH),
                Math.max(1, settings.inactivityDelay().toSeconds())));
    }
}
