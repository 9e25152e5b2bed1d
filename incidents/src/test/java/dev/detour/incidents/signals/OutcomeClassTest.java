package dev.detour.incidents.signals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OutcomeClassTest {
    @ParameterizedTest
    @CsvSource({
            "true, 200, OK",
            "false, 401, OUR_SIDE",
            "false, 403, OUR_SIDE",
            "false, 429, CAPACITY",
            "false, 500, PROVIDER_FAILURE",
            "false, 503, PROVIDER_FAILURE",
            "false, 529, PROVIDER_FAILURE",
            "false, 0, PROVIDER_FAILURE",
            "false, 408, PROVIDER_FAILURE",
            "false, 400, REQUEST_ERROR",
            "false, 422, REQUEST_ERROR",
    })
    void eachOutcomeSaysWhoseProblemItIs(boolean ok, int status, OutcomeClass expected) {
        assertEquals(expected, OutcomeClass.of(ok, status));
    }
}
