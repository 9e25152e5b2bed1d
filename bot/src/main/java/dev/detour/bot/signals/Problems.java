package dev.detour.bot.signals;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.IOException;

/** Says where a body stopped being JSON, without Jackson's internals. */
final class Problems {
    private Problems() {
    }

    static String describe(IOException e) {
        if (e instanceof JsonProcessingException json && json.getLocation() != null) {
            return "line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ": "
                    + json.getOriginalMessage().lines().findFirst().orElse("not JSON");
        }
        return "the body is not JSON";
    }
}
