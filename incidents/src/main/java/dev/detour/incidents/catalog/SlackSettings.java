package dev.detour.incidents.catalog;

import java.util.List;

/**
 * Where Detour posts and who may change production routing.
 *
 * @param onCall Slack user ids ({@code U...}) and user-group ids ({@code S...}) allowed to change availability,
 *               routes, consent and incident state
 */
public record SlackSettings(String incidentChannel, String supportChannel, String summaryChannel,
                            List<String> onCall) {
    public SlackSettings {
        onCall = List.copyOf(onCall);
        if (onCall.isEmpty()) {
            throw new IllegalArgumentException("the on-call list is empty");
        }
    }
}
