package dev.detour.incidents.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** See {@link OnPostgres}. */
public final class PostgresCondition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (TestDatabase.postgresRequired()) {
            return ConditionEvaluationResult.enabled("CI=true: PostgreSQL runs are required");
        }
        String reason = "PostgreSQL run skipped: set CI=true to run it against 127.0.0.1:5432"
                + " (or DATASOURCES_DEFAULT_URL)";
        System.out.println("[detour-tests] " + context.getDisplayName() + ": " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}
