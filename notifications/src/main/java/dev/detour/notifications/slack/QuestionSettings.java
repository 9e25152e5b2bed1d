package dev.detour.notifications.slack;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * When Detour suggests the next step of an incident in its thread (docs/slack.md, "Questions"; docs/configuration.md
 * lists every setting). Defaults live here, on the record, and nowhere else.
 *
 * @param resolveAfter {@code detour.questions.resolve-after}: how long an incident stays in Monitoring before Detour
 *                     suggests resolving it
 */
@ConfigurationProperties("detour.questions")
public record QuestionSettings(@Bindable(defaultValue = "2h") Duration resolveAfter) {
}
