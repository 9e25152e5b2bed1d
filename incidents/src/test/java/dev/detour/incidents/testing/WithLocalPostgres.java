package dev.detour.incidents.testing;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class that makes its own PostgreSQL server with {@link LocalPostgres}: it runs where the machine
 * has {@code initdb} and {@code pg_ctl}, and always when {@code CI=true} (failing there if they are missing); it is
 * skipped with a visible reason otherwise.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LocalPostgresCondition.class)
public @interface WithLocalPostgres {
}
