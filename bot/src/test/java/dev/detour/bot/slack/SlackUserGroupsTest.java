package dev.detour.bot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.detour.incidents.testing.MovableClock;
import dev.detour.notifications.slack.SlackApiCalls;
import dev.detour.notifications.testing.FakeSlack;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlackUserGroupsTest {
    private static final String TOKEN = "xoxb-1234567890-0987654321-abcdefghijklmnopqrstuvwx";

    private final FakeSlack slack = FakeSlack.start(TOKEN);
    private final MovableClock clock = new MovableClock();
    private final SlackUserGroups groups = new SlackUserGroups(client(), clock,
            new SlackApiCalls(new SimpleMeterRegistry()));

    @AfterEach
    void stop() {
        slack.close();
    }

    private com.slack.api.methods.MethodsClient client() {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        return Slack.getInstance(config).methods(TOKEN);
    }

    @Test
    void membersAreAskedOnceAndThenServedFromTheCache() {
        slack.addUserGroup("S0ONCALL", "U0BOB", "U0CAROL");

        assertEquals(Set.of("U0BOB", "U0CAROL"), groups.members("S0ONCALL"));
        assertEquals(Set.of("U0BOB", "U0CAROL"), groups.members("S0ONCALL"));
        assertEquals(1, slack.calls("usergroups.users.list").size());
    }

    @Test
    void aMissAsksSlackAgainButAtMostEveryThirtySeconds() {
        slack.addUserGroup("S0ONCALL", "U0BOB");
        groups.members("S0ONCALL");
        slack.setUserGroup("S0ONCALL", "U0BOB", "U0DAVE");

        assertTrue(groups.refresh("S0ONCALL").contains("U0DAVE"), "someone just added is found");
        slack.setUserGroup("S0ONCALL", "U0BOB", "U0DAVE", "U0ERIN");
        assertFalse(groups.refresh("S0ONCALL").contains("U0ERIN"), "a second miss within 30 s is not asked");
        clock.advance(Duration.ofSeconds(31));
        assertTrue(groups.refresh("S0ONCALL").contains("U0ERIN"));
        assertEquals(3, slack.calls("usergroups.users.list").size());
    }

    @Test
    void theScheduledRefreshDropsRemovedMembers() {
        slack.addUserGroup("S0ONCALL", "U0BOB", "U0CAROL");
        groups.members("S0ONCALL");
        slack.setUserGroup("S0ONCALL", "U0BOB");

        groups.refreshAll();

        assertEquals(Set.of("U0BOB"), groups.members("S0ONCALL"));
    }

    @Test
    void whenSlackFailsTheLastKnownMembersStand() {
        slack.addUserGroup("S0ONCALL", "U0BOB");
        groups.members("S0ONCALL");
        slack.failNext("usergroups.users.list", "internal_error");

        groups.refreshAll();

        assertEquals(Set.of("U0BOB"), groups.members("S0ONCALL"));
    }

    @Test
    void anUnknownGroupHasNoMembers() {
        assertEquals(Set.of(), groups.members("S0NOSUCH"));
    }
}
