package dev.detour.incidents.catalog;

import java.util.Optional;

/**
 * Whether a person's switch-off needs a second on-call member's approval ({@code detour.policy.second-approver},
 * docs/configuration.md).
 */
public enum SecondApproverPolicy {
    /** A change that switches off a whole provider waits for a different on-call member to approve it. */
    PROVIDER,
    /** No change waits for a second person. */
    NEVER;

    /** {@code provider}, {@code never}: as written in the config file. */
    public String word() {
        return EnumWords.of(this);
    }

    public static Optional<SecondApproverPolicy> fromWord(String word) {
        return EnumWords.parse(values(), word);
    }
}
