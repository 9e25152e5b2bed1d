package dev.detour.bot.otlp;

import dev.detour.incidents.application.GatewaySignals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What one OTLP request held: the outcomes that count, and how many spans were ignored or refused, and why. */
final class OtlpTally {
    /** How many distinct problems an answer names. */
    static final int NAMED = 5;

    final List<GatewaySignals.Outcome> accepted = new ArrayList<>();
    int notGenAi;
    int withoutModel;
    int refused;
    final Map<String, Long> unknownNames = new LinkedHashMap<>();
    final Set<String> problems = new LinkedHashSet<>();

    void refuse(String problem) {
        refused++;
        if (problems.size() < NAMED) {
            problems.add(problem);
        }
    }

    /** A span whose model no id or alias matches: refused, and counted under its name for /api/status. */
    void unknown(String name) {
        unknownNames.merge(name, 1L, Long::sum);
        refuse("unknown model '" + (name.length() > 100 ? name.substring(0, 100) : name)
                + "' (add it to a model's aliases)");
    }

    int spans() {
        return accepted.size() + notGenAi + withoutModel + refused;
    }
}
