package dev.detour.bot.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;

import java.io.IOException;
import java.util.Optional;

/**
 * What was wrong with a JSON body, in Detour's own words, for every answer that reports one. Jackson's messages
 * name its classes, settings ({@code StreamReadConstraints}) and a {@code REDACTED} source: none of that is
 * quoted; only where the body went wrong (line and column) and what kind of mistake it is.
 */
public final class JsonProblems {
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.defaults();

    private JsonProblems() {
    }

    public static String describe(IOException e) {
        String where = where(e).orElse("");
        if (e instanceof StreamConstraintsException) {
            return where + "the JSON is beyond what Detour reads (numbers of up to " + LIMITS.getMaxNumberLength()
                    + " digits, names of up to " + LIMITS.getMaxNameLength() + " characters, nesting of up to "
                    + LIMITS.getMaxNestingDepth() + " levels)";
        }
        if (e instanceof JsonEOFException) {
            return where + "the body ends before its JSON is complete";
        }
        if (e instanceof InputCoercionException) {
            return where + "a number is out of range";
        }
        if (e instanceof JsonParseException) {
            return where + "this is not valid JSON (look for a missing quote, comma or bracket, or a stray character)";
        }
        if (e instanceof JsonProcessingException) {
            return where + "the JSON does not have the shape this endpoint reads";
        }
        return "the body could not be read";
    }

    /** {@code "line 3, column 14: "}, when the parser knows where it stopped. */
    private static Optional<String> where(IOException e) {
        if (e instanceof JsonProcessingException json) {
            JsonLocation location = json.getLocation();
            if (location != null && location.getLineNr() > 0) {
                return Optional.of("line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ");
            }
        }
        return Optional.empty();
    }
}
