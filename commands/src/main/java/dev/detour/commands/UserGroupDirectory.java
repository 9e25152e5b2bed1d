package dev.detour.commands;

import java.util.Set;

/** Who is in a Slack user group ({@code S...}). Implemented over Slack's {@code usergroups.users.list}. */
public interface UserGroupDirectory {

    /** The members as last known; may be cached. */
    Set<String> members(String userGroupId);

    /** Asks Slack again (a member may just have been added); rate-limited by the implementation. */
    Set<String> refresh(String userGroupId);
}
