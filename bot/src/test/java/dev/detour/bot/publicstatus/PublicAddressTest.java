package dev.detour.bot.publicstatus;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Only an http(s) origin with a well-formed host may become the base of the public links. */
class PublicAddressTest {
    @ParameterizedTest
    @CsvSource({
            "https://status.example.com, https://status.example.com",
            "HTTP://status.example.com:8080, http://status.example.com:8080",
            "http://10.0.0.7:8080/, http://10.0.0.7:8080",
            "https://[2001:db8::1], https://[2001:db8::1]",
            "http://[::1]:8080, http://[::1]:8080",
            "http://localhost, http://localhost"})
    void anHttpOriginIsKept(String named, String origin) {
        assertEquals(Optional.of(origin), PublicAddress.origin(named));
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript://evil.example", "javascript:alert(1)", "data://evil.example", "ftp://x.example",
            "//evil.example", "https://evil.example/path", "https://evil.example?q", "https://evil.example#top",
            "https://user@evil.example", "https://evil example", "https://evil.example:99999", "https://evil.example:0",
            "https://[zz::1]", "https://under_score.example", "https://evil.example\"><script>", "https://", ""})
    void anythingElseIsRefused(String named) {
        assertEquals(Optional.empty(), PublicAddress.origin(named));
    }
}
