package dev.detour.bot.publicstatus;

import dev.detour.incidents.readmodel.Uptime;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /status.json}: the public status for programs, display names only, ISO-8601 UTC times, {@code null}
 * for "none".
 *
 * @param state     {@code operational} when every feature is on its usual model, else {@code degraded}
 * @param incidents the incidents support was told about, newest first (added with the uptime; older readers
 *                  ignore it)
 * @param ramps     the providers and models coming back to a growing share of traffic (added with staged
 *                  recovery; older readers ignore it)
 * @param maintenance planned maintenance that affects a feature, by start (docs/maintenance.md)
 */
public record PublicStatusJson(Instant updated, String state, List<Feature> features, List<Post> posts,
                               List<Incident> incidents, List<Ramp> ramps, List<Maintenance> maintenance) {
    public static final String OPERATIONAL = "operational";
    public static final String DEGRADED = "degraded";

    static PublicStatusJson of(PublicStatus status, PublicStatusLinks links) {
        return new PublicStatusJson(status.updated(), status.operational() ? OPERATIONAL : DEGRADED,
                status.features().stream().map(feature -> new Feature(feature.name(), feature.state(),
                        feature.model().orElse(null), feature.since().orElse(null),
                        UptimeJson.of(feature.uptime()))).toList(),
                status.posts().stream().map(Post::of)
                        .toList(),
                status.incidents().stream().map(incident -> new Incident(incident.id(),
                        links.incident(incident.id()).toString(), incident.title(), incident.opened(),
                        incident.resolved().orElse(null),
                        incident.posts().stream().map(Post::of).toList())).toList(),
                status.ramps().stream().map(ramp -> new Ramp(ramp.name(), ramp.percent(), ramp.since(),
                        ramp.nextStepAt().orElse(null))).toList(),
                status.maintenance().stream().map(planned -> new Maintenance(Maintenance.TITLE, planned.features(),
                        planned.from(), planned.until(), planned.underWay())).toList());
    }

    /**
     * @param name       the provider's or model's public name
     * @param percent    the share of traffic it serves now
     * @param since      when this share began
     * @param nextStepAt when the share is due to grow if all stays well; {@code null} while paused or at the last
     */
    public record Ramp(String name, int percent, Instant since, Instant nextStepAt) {
    }

    /**
     * @param title    always {@code Planned maintenance}
     * @param features the features it affects
     * @param underWay whether it runs now
     */
    public record Maintenance(String title, List<String> features, Instant from, Instant until, boolean underWay) {
        static final String TITLE = "Planned maintenance";
    }

    /**
     * @param model  the model serving it now; {@code null} while it is paused
     * @param since  when it took this state; {@code null} when it never changed
     * @param uptime the last 90 UTC days
     */
    public record Feature(String name, FeatureState state, String model, Instant since, UptimeJson uptime) {
    }

    /**
     * @param kind         {@code status}, {@code update} or {@code all-clear}
     * @param nextUpdateBy when the next post is due; only on the newest post of an open incident, else {@code null}
     */
    public record Post(Instant at, String title, String text, String kind, Instant nextUpdateBy) {
        static Post of(PublicStatus.Post post) {
            return new Post(post.at(), post.title(), post.text(), post.kind(), post.nextUpdateBy().orElse(null));
        }
    }

    /**
     * @param id       the public id, the last part of {@code url}
     * @param resolved {@code null} while it is open
     * @param posts    newest first, without stale "next update" promises
     */
    public record Incident(String id, String url, String title, Instant opened, Instant resolved, List<Post> posts) {
    }

    /**
     * @param usualPercent  time on the usual model as a percentage of the time with history, two decimals, rounded
     *                      down; {@code null} without history
     * @param pausedMinutes time paused over the period
     * @param backupMinutes time on a backup model over the period
     * @param days          oldest first
     */
    public record UptimeJson(Double usualPercent, long pausedMinutes, long backupMinutes, List<Day> days) {
        static UptimeJson of(Uptime uptime) {
            return new UptimeJson(
                    uptime.usualShare().map(share -> Math.floor(share * 10_000) / 100).orElse(null),
                    uptime.total(Uptime.Service.PAUSED).toMinutes(), uptime.total(Uptime.Service.BACKUP).toMinutes(),
                    uptime.days().stream().map(day -> new Day(day.date().toString(), day.usual().toMinutes(),
                            day.backup().toMinutes(), day.paused().toMinutes(), day.unknown().toMinutes())).toList());
        }
    }

    /** One UTC day ({@code 2026-06-07}) in minutes; the four add up to the part of the day that has passed. */
    public record Day(String date, long usualMinutes, long backupMinutes, long pausedMinutes,
                      long noHistoryMinutes) {
    }
}
