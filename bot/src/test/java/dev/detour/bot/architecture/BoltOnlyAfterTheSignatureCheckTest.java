package dev.detour.bot.architecture;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.tngtech.archunit.core.domain.JavaClasses;
import dev.detour.bot.slack.SlackEventsController;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Bolt's own signature check is off (SlackAppFactory) because the only code that hands Bolt a request over HTTP is
 * {@link SlackEventsController}, after Detour's check: a second caller of {@code App.run} would be unchecked.
 * (Socket Mode hands requests to Bolt from inside Bolt's own {@code SocketModeApp}; they are not signed.)
 */
class BoltOnlyAfterTheSignatureCheckTest {
    private final JavaClasses detour = DetourClasses.production("dev.detour");

    @Test
    void onlyTheEventsControllerRunsBolt() {
        noClasses().that().doNotHaveFullyQualifiedName(SlackEventsController.class.getName())
                .should().callMethod(App.class, "run", Request.class)
                .because("SlackEventsController checks Slack's signature first, and Bolt no longer does")
                .check(detour);
    }

    @Test
    void theRuleSeesTheControllersOwnCall() {
        // Without the exception the rule must fail: it matches App.run as Detour calls it, so it is not vacuous.
        assertThrows(AssertionError.class, () -> noClasses().should().callMethod(App.class, "run", Request.class)
                .check(detour));
    }
}
