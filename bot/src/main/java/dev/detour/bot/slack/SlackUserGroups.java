package dev.detour.bot.slack;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import dev.detour.commands.UserGroupDirectory;
import dev.detour.incidents.lifecycle.Job;
import dev.detour.notifications.slack.SlackApiCalls;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * On-call user groups' members from {@code usergroups.users.list}, cached: refreshed on a schedule every few
 * minutes, and asked again on a miss at most every 30 s per group (so a flood of refusals cannot flood Slack).
 * When Slack cannot be asked, the last known members stand.
 */
@Singleton
@Requires(beans = MethodsClient.class)
public class SlackUserGroups implements UserGroupDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(SlackUserGroups.class);
    static final Duration MISS_INTERVAL = Duration.ofSeconds(30);
    private static final String METHOD = "usergroups.users.list";

    private final MethodsClient slack;
    private final Clock clock;
    private final SlackApiCalls calls;
    private final LoadingCache<String, Set<String>> members;
    private final Map<String, Instant> lastMissLookup = new ConcurrentHashMap<>();

    public SlackUserGroups(MethodsClient slack, Clock clock, SlackApiCalls calls) {
        this.slack = slack;
        this.clock = clock;
        this.calls = calls;
        this.members = Caffeine.newBuilder().maximumSize(1_000).build(this::lookUp);
    }

    /** Keeps the groups asked about so far current, so that a removed member loses access within minutes. */
    @Job("slack-user-groups")
    @Scheduled(fixedDelay = "${detour.slack.user-group-refresh:5m}", initialDelay = "${detour.slack.user-group-refresh:5m}")
    public void refreshAll() {
        for (String group : Set.copyOf(members.asMap().keySet())) {
            members.put(group, lookUp(group));
        }
    }

    @Override
    public Set<String> members(String userGroupId) {
        return members.get(userGroupId);
    }

    @Override
    public Set<String> refresh(String userGroupId) {
        Instant now = clock.instant();
        Instant last = lastMissLookup.get(userGroupId);
        if (last != null && last.plus(MISS_INTERVAL).isAfter(now)) {
            return members(userGroupId);
        }
        lastMissLookup.put(userGroupId, now);
        Set<String> fresh = lookUp(userGroupId);
        members.put(userGroupId, fresh);
        return fresh;
    }

    private Set<String> lookUp(String userGroupId) {
        try {
            UsergroupsUsersListResponse response = slack.usergroupsUsersList(r -> r.usergroup(userGroupId));
            calls.answered(METHOD, response);
            if (response.isOk()) {
                return Set.copyOf(response.getUsers());
            }
            LOG.warn("usergroups.users.list {} failed: {}", userGroupId, response.getError());
        } catch (SlackApiException e) {
            calls.failed(METHOD, e);
            LOG.warn("usergroups.users.list {} failed: {}", userGroupId, e.toString());
        } catch (IOException e) {
            calls.unreachable(METHOD);
            LOG.warn("usergroups.users.list {} failed: {}", userGroupId, e.toString());
        }
        Set<String> known = members.getIfPresent(userGroupId);
        return known == null ? Set.of() : known;
    }
}
