package dev.detour.bot.slack;

import com.slack.api.methods.MethodsClient;
import dev.detour.commands.UserGroupDirectory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Set;

/** Console mode has no Slack to ask: only on-call users named one by one may change routing. */
@Singleton
@Requires(missingBeans = MethodsClient.class)
public class NoUserGroups implements UserGroupDirectory {
    @Override
    public Set<String> members(String userGroupId) {
        return Set.of();
    }

    @Override
    public Set<String> refresh(String userGroupId) {
        return Set.of();
    }
}
