package dev.detour.incidents.subscription;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmailAddressTest {

    @Test
    void anAddressIsTrimmedAndLowerCasedSoOneMailboxIsOneSubscriber() {
        assertEquals(new EmailAddress.Parsed.Valid(new EmailAddress("reader+status@example.co.uk")),
                EmailAddress.parse("  Reader+Status@Example.CO.uk \n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "alice@", "@example.com", "alice@example", "a b@example.com",
            "alice@example.com\r\nBcc: bob@example.com", "Alice <alice@example.com>", "alice@[127.0.0.1]",
            "\"quoted\"@example.com", "alice..dots@example.com", "alice@-example.com", "alice@example.com,bob@example.com"})
    void anythingButAPlainAddressIsRefusedAsMalformed(String typed) {
        assertEquals(new EmailAddress.Parsed.Refused(EmailAddress.Problem.MALFORMED), EmailAddress.parse(typed));
    }

    @Test
    void emptyAndOverlongAddressesSayWhy() {
        assertEquals(new EmailAddress.Parsed.Refused(EmailAddress.Problem.EMPTY), EmailAddress.parse("   "));
        assertEquals(new EmailAddress.Parsed.Refused(EmailAddress.Problem.EMPTY), EmailAddress.parse(null));
        String longest = "a".repeat(64) + "@" + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + ".com";
        assertEquals(EmailAddress.LONGEST - 3, longest.length());
        assertTrue(EmailAddress.parse(longest) instanceof EmailAddress.Parsed.Valid);
        assertEquals(new EmailAddress.Parsed.Refused(EmailAddress.Problem.TOO_LONG),
                EmailAddress.parse("a".repeat(250) + "@example.com"));
        assertEquals(new EmailAddress.Parsed.Refused(EmailAddress.Problem.MALFORMED),
                EmailAddress.parse("a".repeat(65) + "@example.com"), "a local part has at most 64 characters");
    }

    @Test
    void anInvalidAddressNeverExistsAsAnObject() {
        assertThrows(IllegalArgumentException.class, () -> new EmailAddress("Alice@Example.com "));
    }

    @Test
    void linkTokensAreRandomUrlSafeAndOnlyTheirHashIsShownOrStored() {
        SecureRandom random = new SecureRandom();
        LinkToken one = LinkToken.random(random);
        LinkToken two = LinkToken.random(random);

        assertNotEquals(one, two);
        assertTrue(LinkToken.looksLikeOne(one.value()), one.value());
        assertEquals(64, one.hash().length());
        assertNotEquals(one.value(), one.hash());
        assertFalse(one.toString().contains(one.value()), "a token never reaches a log");
        assertFalse(LinkToken.looksLikeOne("../../etc/passwd"));
        assertFalse(LinkToken.looksLikeOne(null));
    }
}
