package dev.detour.commands;

import dev.detour.incidents.catalog.SlackSettings;
import dev.detour.messages.WordKey;
import dev.detour.messages.Wording;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Who may change production routing: the {@code on-call} users, and members of the {@code on-call} user groups.
 * A user not found in a group's cached members triggers one fresh look-up, so someone just added to the on-call
 * group is not refused for the cache's lifetime.
 */
@Singleton
public class OnCallPolicy {
    private final List<String> users;
    private final List<String> groups;
    private final UserGroupDirectory directory;
    private final Wording words;

    public OnCallPolicy(SlackSettings slack, UserGroupDirectory directory, Wording words) {
        this.words = words;
        this.users = slack.onCall().stream().filter(id -> !isGroup(id)).toList();
        this.groups = slack.onCall().stream().filter(OnCallPolicy::isGroup).toList();
        this.directory = directory;
    }

    public boolean mayChange(String userId) {
        if (users.contains(userId)) {
            return true;
        }
        if (groups.stream().anyMatch(group -> directory.members(group).contains(userId))) {
            return true;
        }
        return groups.stream().anyMatch(group -> directory.refresh(group).contains(userId));
    }

    /** The refusal people outside on-call see, naming who may act. */
    public String refusal(String what) {
        return words.get(WordKey.COMMAND_ON_CALL_ONLY, what, mentions());
    }

    /** Who is on call, as Slack mentions of the users and user groups. */
    public String mentions() {
        List<String> mentions = new java.util.ArrayList<>();
        users.forEach(user -> mentions.add("<@" + user + ">"));
        groups.forEach(group -> mentions.add("<!subteam^" + group + ">"));
        return String.join(", ", mentions);
    }

    /** Slack user group ids start with S; user ids with U or W. */
    private static boolean isGroup(String id) {
        return id.startsWith("S");
    }
}
