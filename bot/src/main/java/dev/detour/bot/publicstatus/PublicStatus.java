package dev.detour.bot.publicstatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the public status page shows, in display names only: every feature with its state, and the latest
 * support posts, newest first. The HTML page, the JSON and the Atom feed are renderings of this one value.
 *
 * @param updated when Detour read it
 */
public record PublicStatus(Instant updated, List<Feature> features, List<Post> posts) {
    public PublicStatus {
        features = List.copyOf(features);
        posts = List.copyOf(posts);
    }

    /** Every feature is on its usual model. */
    public boolean operational() {
        return features.stream().allMatch(feature -> feature.state() == FeatureState.NORMAL);
    }

    /** The features that are not on their usual model, in catalog order. */
    public List<Feature> affected() {
        return features.stream().filter(feature -> feature.state() != FeatureState.NORMAL).toList();
    }

    /**
     * @param name  the task class's display name
     * @param model the display name of the model serving it now; empty while it is paused
     * @param since when it took this state; empty when it never changed
     */
    public record Feature(String name, FeatureState state, Optional<String> model, Optional<Instant> since) {
    }

    /**
     * A support post in plain text.
     *
     * @param id    a URI that names this post for good (an Atom entry id)
     * @param kind  {@code status}, {@code update} or {@code all-clear}
     * @param title the headline
     * @param text  the rest of the post; empty when it is only a headline
     */
    public record Post(String id, Instant at, String kind, String title, String text) {
    }
}
