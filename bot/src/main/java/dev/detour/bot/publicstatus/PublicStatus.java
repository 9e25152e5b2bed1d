package dev.detour.bot.publicstatus;

import dev.detour.incidents.readmodel.Uptime;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the public status page shows, in display names only: every feature with its state and 90-day uptime, the
 * incidents support was told about with their posts, and the latest support posts, newest first. The HTML page,
 * the JSON and the Atom feed are renderings of this one value.
 *
 * @param updated   when Detour read it
 * @param incidents newest first
 * @param posts     the latest posts of all incidents, newest first, as written
 * @param ramps     the providers and models coming back to a growing share of traffic
 * @param maintenance planned maintenance that affects a feature (docs/maintenance.md)
 */
public record PublicStatus(Instant updated, List<Feature> features, List<PublicIncident> incidents,
                           List<Post> posts, List<Ramp> ramps, List<PlannedMaintenance> maintenance) {
    public PublicStatus {
        features = List.copyOf(features);
        incidents = List.copyOf(incidents);
        posts = List.copyOf(posts);
        ramps = List.copyOf(ramps);
        maintenance = List.copyOf(maintenance);
    }

    /** Without planned maintenance. */
    public PublicStatus(Instant updated, List<Feature> features, List<PublicIncident> incidents, List<Post> posts,
                        List<Ramp> ramps) {
        this(updated, features, incidents, posts, ramps, List.of());
    }

    /** A moment with no ramp running and no planned maintenance. */
    public PublicStatus(Instant updated, List<Feature> features, List<PublicIncident> incidents, List<Post> posts) {
        this(updated, features, incidents, posts, List.of(), List.of());
    }

    /**
     * A provider or model coming back gradually, by its public name.
     *
     * @param since      when its current share began
     * @param nextStepAt when the share is due to grow if all stays well; empty while paused or at the last step
     */
    public record Ramp(String name, int percent, Instant since, Optional<Instant> nextStepAt) {
    }

    /**
     * Planned maintenance that takes a feature's usual model away (docs/maintenance.md): planned or under way.
     *
     * @param features the display names of the features it affects, in catalog order
     */
    public record PlannedMaintenance(List<String> features, Instant from, Instant until, boolean underWay) {
        public PlannedMaintenance {
            features = List.copyOf(features);
        }
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
     * @param name   the task class's display name
     * @param model  the display name of the model serving it now; empty while it is paused
     * @param since  when it took this state; empty when it never changed
     * @param uptime the last 90 UTC days, oldest first
     */
    public record Feature(String name, FeatureState state, Optional<String> model, Optional<Instant> since,
                          Uptime uptime) {
    }

    /**
     * A support post in plain text.
     *
     * @param id       a URI that names this post for good (an Atom entry id)
     * @param kind     {@code status}, {@code update} or {@code all-clear}
     * @param title    the headline
     * @param text     the rest of the post; empty when it is only a headline
     * @param incident the public id of the incident it is about
     */
    /**
     * @param promised     when the post, as written, promised the next one
     * @param promiseHolds whether it is the newest post of an open incident: only then is the promise still true
     */
    public record Post(String id, Instant at, String kind, String title, String text, String incident,
                       Optional<Instant> promised, boolean promiseHolds) {
        /** The promise of the next post, while it is still true. */
        public Optional<Instant> nextUpdateBy() {
            return promiseHolds ? promised : Optional.empty();
        }
    }

    /**
     * An incident as support was told about it.
     *
     * @param id       its public id ({@link PublicIncidentId}), the last part of its page's address
     * @param title    the headline of its first post
     * @param resolved when it was resolved; empty while it is open
     * @param posts    newest first, without promises of a next update that a newer post or the resolution made
     *                 stale
     */
    public record PublicIncident(String id, String title, Instant opened, Optional<Instant> resolved,
                                 List<Post> posts) {
        public PublicIncident {
            posts = List.copyOf(posts);
        }
    }
}
