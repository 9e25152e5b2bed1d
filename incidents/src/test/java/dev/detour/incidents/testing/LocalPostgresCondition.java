package dev.detour.incidents.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** See {@link WithLocalPostgres}. */
public final class LocalPostgresCondition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (LocalPostgres.binaries().isPresent()) {
            return ConditionEvaluationResult.enabled("initdb and pg_ctl found");
        }
        if (TestDatabase.postgresRequired()) {
            return ConditionEvaluationResult.enabled("CI=true: a PostgreSQL of the test's own is required");
        }
        String reason = "skipped: needs PostgreSQL's initdb and pg_ctl (/usr/lib/postgresql/*/bin or"
                + " DETOUR_TEST_PG_BIN) to make a server of its own";
        System.out.println("[detour-tests] " + context.getDisplayName() + ": " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}
