package dev.detour.messages;

import com.slack.api.model.block.LayoutBlock;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.preview.Preview;
import dev.detour.incidents.preview.TaskClassEffect;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.support.FeatureState;
import dev.detour.incidents.routing.RouteState;
import dev.detour.incidents.support.SupportPostDraft;
import dev.detour.incidents.support.SupportPostKind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/**
 * Plain language for support staff, display names only (no ids): what kind of change this is, which features
 * use which model now, which are paused, since when, and when the next update comes; or the all-clear.
 */
public final class SupportPost {
    /** More providers than this are not named one by one in a support post's lead. */
    private static final int NAMED_PROVIDERS = 3;
    private final Names names;
    private final Wording words;

    public SupportPost(Names names, Wording words) {
        this.names = names;
        this.words = words;
    }

    /**
     * @param update the on-call team's words for support, when this post carries an update
     * @param next   when the next update is due
     */
    public SlackMessage affected(Incident incident, DetourStatus status, Optional<String> update, Instant next) {
        return affected(incident, status, update, next, 1);
    }

    /**
     * @param number which post about the incident this is, from 1; every post after the first says so
     *               ("Update 3") in its headline
     */
    public SlackMessage affected(Incident incident, DetourStatus status, Optional<String> update, Instant next,
                                 int number) {
        return affected(incident, incident.kind(), status, update, next, number, Map.of());
    }

    /**
     * @param shown    the kind that follows reality ({@code IncidentPicture}), which the post names and explains
     * @param previous what the previous post announced per feature ({@link #announced(DetourStatus)}); the post
     *                 opens with what changed since, when anything did; empty for the first post
     */
    public SlackMessage affected(Incident incident, IncidentKind shown, DetourStatus status, Optional<String> update,
                                 Instant next, int number, Map<TaskClassId, FeatureState> previous) {
        return affected(incident, shown, status, update, next, number, previous, Optional.empty());
    }

    /**
     * @param plannedEnd when the planned maintenance that switched the routes off ends (docs/maintenance.md,
     *                   "What each audience sees"): a {@code maintenance} post says it; empty when unknown
     */
    public SlackMessage affected(Incident incident, IncidentKind shown, DetourStatus status, Optional<String> update,
                                 Instant next, int number, Map<TaskClassId, FeatureState> previous,
                                 Optional<Instant> plannedEnd) {
        String headline = headline(shown, number);
        String lead = lead(incident, shown, plannedEnd, at -> SlackTime.slack(at, status.at()), SlackText::escape);
        Optional<String> changes = changes(status, previous);
        List<String> lines = lines(status);
        String body = Limits.lines(lines.stream().map(line -> "• " + line).toList(), Limits.SECTION_TEXT - 100);
        String when = when(incident, next, at -> SlackTime.slack(at, status.at()));
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(Limits.clip(headline, Limits.HEADER_TEXT)))));
        changes.ifPresent(text -> blocks.add(section(s -> s.text(markdownText(SlackText.escape(text,
                Limits.SECTION_TEXT))))));
        blocks.add(section(s -> s.text(markdownText(Limits.clip(lead, Limits.SECTION_TEXT)))));
        // Support posts are read by people outside the incident: no mention in an update stays live.
        Optional<String> said = update.map(text -> words.get(WordKey.SUPPORT_UPDATE, SlackText.escape(text,
                Limits.room(Limits.SECTION_TEXT, words.get(WordKey.SUPPORT_UPDATE, "")))));
        said.ifPresent(text -> blocks.add(section(s -> s.text(markdownText(text)))));
        blocks.add(section(s -> s.text(markdownText(body))));
        blocks.add(context(c -> c.elements(List.of(markdownText(when)))));
        // The whole post, update included, for Slack's notifications.
        String text = headline + "\n" + changes.map(c -> SlackText.escape(c) + "\n").orElse("")
                + lead(incident, shown, plannedEnd, at -> SlackTime.plain(at, status.at()), SlackText::escape) + "\n"
                + said.map(u -> u + "\n").orElse("") + String.join("\n", lines) + "\n"
                + when(incident, next, at -> SlackTime.plain(at, status.at()));
        return new SlackMessage(Limits.clip(text, Limits.MESSAGE_TEXT), blocks);
    }

    /**
     * The same post as data for readers outside Slack (the public status page): plain text, on-call's words as
     * they typed them (any Slack markup in them is the reader's to turn into text), nothing escaped for Slack.
     */
    public SupportPostDraft affectedWords(Incident incident, DetourStatus status, Optional<String> update,
                                         Instant next) {
        return affectedWords(incident, status, update, next, 1);
    }

    /** As {@link #affectedWords(Incident, DetourStatus, Optional, Instant)}, for the {@code number}th post. */
    public SupportPostDraft affectedWords(Incident incident, DetourStatus status, Optional<String> update,
                                         Instant next, int number) {
        return affectedWords(incident, incident.kind(), status, update, next, number, Map.of());
    }

    /**
     * As {@link #affected(Incident, IncidentKind, DetourStatus, Optional, Instant, int, Map)}, as data; the draft
     * keeps what it announced per feature for the next post to compare with.
     */
    public SupportPostDraft affectedWords(Incident incident, IncidentKind shown, DetourStatus status,
                                         Optional<String> update, Instant next, int number,
                                         Map<TaskClassId, FeatureState> previous) {
        return affectedWords(incident, shown, status, update, next, number, previous, Optional.empty());
    }

    /** As above, with the planned end of the maintenance behind the post, when it is one (see {@code affected}). */
    public SupportPostDraft affectedWords(Incident incident, IncidentKind shown, DetourStatus status,
                                         Optional<String> update, Instant next, int number,
                                         Map<TaskClassId, FeatureState> previous, Optional<Instant> plannedEnd) {
        List<String> body = new ArrayList<>();
        changes(status, previous).ifPresent(body::add);
        body.add(lead(incident, shown, plannedEnd, Names::time, text -> text));
        update.ifPresent(text -> body.add(words.get(WordKey.SUPPORT_UPDATE, text)));
        body.addAll(lines(status));
        body.add(words.get(WordKey.SUPPORT_SINCE, Names.time(incident.openedAt())));
        return new SupportPostDraft(update.isPresent() ? SupportPostKind.UPDATE : SupportPostKind.STATUS,
                headline(shown, number), String.join("\n", body), Optional.of(next), announced(status));
    }

    /** What a post about {@code status} announces per feature: its state and the model serving it, if any. */
    public static Map<TaskClassId, FeatureState> announced(DetourStatus status) {
        Map<TaskClassId, FeatureState> features = new LinkedHashMap<>();
        for (DetourStatus.TaskClassStatus taskClass : status.taskClasses()) {
            features.put(taskClass.id(), state(status, taskClass));
        }
        return features;
    }

    /** What a feature is now as customers notice it, whether its usual model is coming back included. */
    private static FeatureState state(DetourStatus status, DetourStatus.TaskClassStatus taskClass) {
        return new FeatureState(taskClass.current().state(), taskClass.current().serving(),
                !taskClass.route().isEmpty() && status.comingBack(taskClass.route().get(0)));
    }

    /**
     * "Since the last update: ..." for each feature whose state customers notice changed since the previous post
     * (paused or not, which model serves it), in the order of the status; nothing when none did or there was no
     * previous post.
     */
    private Optional<String> changes(DetourStatus status, Map<TaskClassId, FeatureState> previous) {
        List<String> changes = new ArrayList<>();
        for (DetourStatus.TaskClassStatus taskClass : status.taskClasses()) {
            FeatureState before = previous.get(taskClass.id());
            FeatureState now = state(status, taskClass);
            if (before != null && now.differsFrom(before)) {
                changes.add(change(taskClass.name(), taskClass.route().get(0), before, now));
            }
        }
        return changes.isEmpty() ? Optional.empty() : Optional.of(words.get(WordKey.SUPPORT_CHANGES,
                String.join(words.get(WordKey.SUPPORT_CHANGES_SEPARATOR), changes)));
    }

    private String change(String feature, ModelId usual, FeatureState before, FeatureState now) {
        if (now.movingBack()) {
            return modelLine(WordKey.SUPPORT_CHANGE_COMING_BACK, WordKey.SUPPORT_CHANGE_COMING_BACK_UNNAMED, feature,
                    Optional.of(usual));
        }
        if (now.paused()) {
            return words.get(WordKey.SUPPORT_CHANGE_PAUSED, feature);
        }
        if (now.state() == RouteState.PRIMARY) {
            return before.paused() ? words.get(WordKey.SUPPORT_CHANGE_UNPAUSED, feature)
                    : modelLine(WordKey.SUPPORT_CHANGE_BACK, WordKey.SUPPORT_CHANGE_BACK_UNNAMED, feature,
                    now.serving());
        }
        return before.paused() ? modelLine(WordKey.SUPPORT_CHANGE_UNPAUSED_MOVED,
                WordKey.SUPPORT_CHANGE_UNPAUSED_MOVED_UNNAMED, feature, now.serving())
                : modelLine(WordKey.SUPPORT_CHANGE_MOVED, WordKey.SUPPORT_CHANGE_MOVED_UNNAMED, feature,
                now.serving());
    }

    /** Normal routing has resumed. */
    public SlackMessage allClear(Incident incident, Instant at) {
        return allClear(incident, incident.kind(), at);
    }

    /** Normal routing has resumed, naming the kind that followed reality. */
    public SlackMessage allClear(Incident incident, IncidentKind shown, Instant at) {
        SupportPostDraft post = allClearWords(incident, shown, at);
        String body = allClearBody(incident, shown, at, time -> SlackTime.slack(time, at));
        return new SlackMessage(post.headline() + "\n" + allClearBody(incident, shown, at,
                time -> SlackTime.plain(time, at)), List.of(header(h -> h.text(plainText(post.headline()))),
                section(s -> s.text(markdownText(body)))));
    }

    /** The all-clear as data for readers outside Slack; it holds only Detour's own words. */
    public SupportPostDraft allClearWords(Incident incident, Instant at) {
        return allClearWords(incident, incident.kind(), at);
    }

    /**
     * The all-clear as data, naming the kind that followed reality; it keeps what it announced per feature (every
     * one back, as {@code now} says), so a post after it says what changed since.
     */
    public SupportPostDraft allClearWords(Incident incident, IncidentKind shown, Instant at, DetourStatus now) {
        SupportPostDraft words = allClearWords(incident, shown, at);
        return new SupportPostDraft(words.kind(), words.headline(), words.body(), words.nextUpdateBy(),
                announced(now));
    }

    /** The all-clear as data, naming the kind that followed reality. */
    public SupportPostDraft allClearWords(Incident incident, IncidentKind shown, Instant at) {
        String headline = words.get(WordKey.SUPPORT_ALLCLEAR_HEADER);
        return new SupportPostDraft(SupportPostKind.ALL_CLEAR, headline, allClearBody(incident, shown, at,
                Names::time));
    }

    private String allClearBody(Incident incident, IncidentKind shown, Instant at, Function<Instant, String> time) {
        return words.get(WordKey.SUPPORT_ALLCLEAR_BODY, words.get(WordKey.supportKind(shown)),
                time.apply(incident.openedAt()), time.apply(at),
                words.duration(Duration.between(incident.openedAt(), at)));
    }

    /**
     * The incident is resolved: in customer words that it is over, since when users are served normally, and the
     * resolution's part for customers when on-call gave one (docs/status.md).
     *
     * @param servedSince  since when every feature is served normally again (the all-clear, or the resolution);
     *                     empty while a feature is still off its usual model (the all-clear follows then)
     * @param forCustomers the resolution's customer part, as on-call typed it
     */
    public SlackMessage resolved(Incident incident, IncidentKind shown, Optional<Instant> servedSince,
                                 Optional<String> forCustomers) {
        String headline = words.get(WordKey.SUPPORT_RESOLVED_HEADER, words.get(WordKey.supportKind(shown)));
        String over = SlackText.escape(over(incident, servedSince.isPresent()));
        Instant now = incident.resolvedAt().orElse(servedSince.orElse(incident.openedAt()));
        String served = served(servedSince, at -> SlackTime.slack(at, now));
        // Read by people outside the incident: no mention in on-call's words stays live.
        Optional<String> said = forCustomers.map(text -> words.get(WordKey.SUPPORT_RESOLVED_CUSTOMER,
                SlackText.escape(text, Limits.room(Limits.SECTION_TEXT, words.get(WordKey.SUPPORT_RESOLVED_CUSTOMER,
                        "")))));
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(Limits.clip(headline, Limits.HEADER_TEXT)))));
        blocks.add(section(s -> s.text(markdownText(Limits.clip(over + " " + served, Limits.SECTION_TEXT)))));
        said.ifPresent(text -> blocks.add(section(s -> s.text(markdownText(text)))));
        String text = headline + "\n" + over + " " + served(servedSince, at -> SlackTime.plain(at, now))
                + said.map(u -> "\n" + u).orElse("");
        return new SlackMessage(Limits.clip(text, Limits.MESSAGE_TEXT), blocks);
    }

    /** The resolution post as data for readers outside Slack: on-call's words as they typed them. */
    public SupportPostDraft resolvedWords(Incident incident, IncidentKind shown, Optional<Instant> servedSince,
                                          Optional<String> forCustomers) {
        List<String> body = new ArrayList<>();
        body.add(over(incident, servedSince.isPresent()) + " " + served(servedSince, Names::time));
        forCustomers.ifPresent(text -> body.add(words.get(WordKey.SUPPORT_RESOLVED_CUSTOMER, text)));
        return new SupportPostDraft(SupportPostKind.RESOLVED, words.get(WordKey.SUPPORT_RESOLVED_HEADER,
                words.get(WordKey.supportKind(shown))),
                String.join("\n", body));
    }

    /** "The problem with Anthropic is resolved; ...", naming providers as the lead does. */
    private String over(Incident incident, boolean everythingBack) {
        if (!everythingBack) {
            return words.get(WordKey.SUPPORT_RESOLVED_NOT_YET);
        }
        Optional<String> named = providersNamed(incident);
        return named.map(providers -> words.get(WordKey.SUPPORT_RESOLVED_BODY, providers))
                .orElseGet(() -> words.get(WordKey.SUPPORT_RESOLVED_BODY_UNNAMED));
    }

    private String served(Optional<Instant> since, Function<Instant, String> time) {
        return since.map(at -> words.get(WordKey.SUPPORT_RESOLVED_SERVED, time.apply(at)))
                .orElseGet(() -> words.get(WordKey.SUPPORT_RESOLVED_STILL_OFF));
    }

    /** The providers as customers read them, or empty when one of them is not named to customers. */
    private Optional<String> providersNamed(Incident incident) {
        List<Optional<String>> publicNames = incident.affected().stream().map(names.catalog()::providerOf).distinct()
                .sorted().map(names::publicProvider).toList();
        if (publicNames.isEmpty() || publicNames.stream().anyMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        List<String> providers = publicNames.stream().flatMap(Optional::stream).toList();
        return Optional.of(providers.size() > NAMED_PROVIDERS ? words.get(WordKey.SUPPORT_SEVERAL_PROVIDERS)
                : String.join(words.get(WordKey.SUPPORT_AND), providers));
    }

    /**
     * The first sentence, whose problem this is: the provider's (named, since when, "not a change on our side"),
     * a change of ours, or planned maintenance. The same sentence on every surface: Slack, the status page, email.
     */
    public String lead(Incident incident) {
        return lead(incident, incident.kind());
    }

    /** The first sentence for the kind that followed reality ({@code IncidentPicture}), not the kind as opened. */
    public String lead(Incident incident, IncidentKind shown) {
        return lead(incident, shown, Optional.empty(), Names::time, text -> text);
    }

    /**
     * @param plannedEnd when the planned maintenance behind a {@code maintenance} incident ends, if known
     * @param time how a moment reads on this surface (a Slack date token, or UTC)
     * @param text how a name from the config reads on this surface (escaped for Slack, or as is)
     */
    private String lead(Incident incident, IncidentKind shown, Optional<Instant> plannedEnd,
                        Function<Instant, String> time, Function<String, String> text) {
        String since = time.apply(incident.openedAt());
        List<Optional<String>> publicNames = incident.affected().stream().map(names.catalog()::providerOf).distinct()
                .sorted().map(names::publicProvider).toList();
        // A company that names no vendor to customers: one neutral "our AI provider" for all of them.
        boolean unnamed = publicNames.stream().anyMatch(Optional::isEmpty);
        List<String> providers = publicNames.stream().flatMap(Optional::stream).toList();
        String named = providers.size() > NAMED_PROVIDERS ? words.get(WordKey.SUPPORT_SEVERAL_PROVIDERS)
                : String.join(words.get(WordKey.SUPPORT_AND), providers.stream().map(text).toList());
        boolean many = providers.size() > 1;
        WordKey key = switch (shown) {
            case OUTAGE -> unnamed ? WordKey.SUPPORT_LEAD_UNNAMED_ERRORS
                    : many ? WordKey.SUPPORT_LEAD_PROVIDERS_ERRORS : WordKey.SUPPORT_LEAD_PROVIDER_ERRORS;
            case DEGRADATION -> unnamed ? WordKey.SUPPORT_LEAD_UNNAMED_SLOW
                    : many ? WordKey.SUPPORT_LEAD_PROVIDERS_SLOW : WordKey.SUPPORT_LEAD_PROVIDER_SLOW;
            case MODEL_CHANGE -> WordKey.SUPPORT_LEAD_MODEL_CHANGE;
            case ROUTING_CHANGE -> WordKey.SUPPORT_LEAD_ROUTING_CHANGE;
            case POLICY_CHANGE -> WordKey.SUPPORT_LEAD_POLICY_CHANGE;
            case MAINTENANCE -> plannedEnd.isPresent() ? WordKey.SUPPORT_LEAD_MAINTENANCE_UNTIL
                    : WordKey.SUPPORT_LEAD_MAINTENANCE;
        };
        return words.get(key, named, since, plannedEnd.map(time).orElse(""));
    }

    private String headline(IncidentKind shown, int number) {
        return number <= 1 ? words.get(WordKey.SUPPORT_HEADER, kind(shown))
                : words.get(WordKey.SUPPORT_HEADER_NUMBERED, kind(shown), String.valueOf(number));
    }

    /**
     * The customer text of the post support would get if a previewed change were made (docs/routing.md, "Preview"):
     * a status post's line per feature, as the post renders them from the routes after the change; the all-clear's
     * headline; nothing when the change makes no post ({@link Preview#supportPost()}).
     */
    public List<String> previewed(Preview preview) {
        Optional<SupportPostKind> kind = preview.supportPost();
        if (kind.isEmpty()) {
            return List.of();
        }
        if (kind.get() == SupportPostKind.ALL_CLEAR) {
            return List.of(words.get(WordKey.SUPPORT_ALLCLEAR_HEADER));
        }
        List<DetourStatus.TaskClassStatus> after = new ArrayList<>();
        for (TaskClassEffect effect : preview.taskClasses()) {
            names.catalog().taskClass(effect.taskClass()).ifPresent(taskClass -> after.add(
                    new DetourStatus.TaskClassStatus(taskClass.id(), taskClass.name(), taskClass.failover(),
                            taskClass.route(), effect.after(), Optional.empty())));
        }
        return lines(after, model -> false);
    }

    /** One line per task class off its primary; and that the others work, when any do. */
    private List<String> lines(DetourStatus status) {
        return lines(status.taskClasses(), status::comingBack);
    }

    /**
     * @param comingBack whether a model is coming back to part of the traffic through a ramp: a feature off it
     *                   says it is moving back gradually (docs/recovery.md)
     */
    private List<String> lines(List<DetourStatus.TaskClassStatus> taskClasses, Predicate<ModelId> comingBack) {
        List<String> lines = new ArrayList<>();
        for (DetourStatus.TaskClassStatus taskClass : taskClasses) {
            boolean movingBack = taskClass.current().state() != RouteState.PRIMARY
                    && comingBack.test(taskClass.route().get(0));
            Optional<String> line = movingBack ? Optional.of(modelLine(WordKey.SUPPORT_COMING_BACK,
                    WordKey.SUPPORT_COMING_BACK_UNNAMED, taskClass.name(), Optional.of(taskClass.route().get(0))))
                    : switch (taskClass.current().state()) {
                case FALLBACK -> Optional.of(modelLine(WordKey.SUPPORT_FALLBACK, WordKey.SUPPORT_FALLBACK_UNNAMED,
                        taskClass.name(), taskClass.current().serving()));
                case STOPPED -> Optional.of(modelLine(WordKey.SUPPORT_PAUSED, WordKey.SUPPORT_PAUSED_UNNAMED,
                        taskClass.name(), Optional.of(taskClass.route().get(0))));
                case AWAITING_CONSENT -> Optional.of(modelLine(WordKey.SUPPORT_AWAITING,
                        WordKey.SUPPORT_AWAITING_UNNAMED, taskClass.name(), taskClass.current().offered()));
                case PRIMARY -> Optional.empty();
            };
            line.ifPresent(text -> lines.add(text + forCustomers(taskClass.id())));
        }
        if (lines.isEmpty() || lines.size() < taskClasses.size()) {
            lines.add(words.get(WordKey.SUPPORT_UNAFFECTED));
        }
        return lines;
    }

    /** A feature's line naming the model as customers read it, or in neutral words when it is not named. */
    private String modelLine(WordKey named, WordKey unnamed, String feature, Optional<ModelId> model) {
        Optional<String> publicName = model.map(names::publicModel).orElse(Optional.of("?"));
        return publicName.map(name -> words.get(named, feature, name)).orElseGet(() -> words.get(unnamed, feature));
    }

    /** What customers see and can do while the feature is off its usual model, as configured; else nothing. */
    private String forCustomers(TaskClassId id) {
        Optional<TaskClass> taskClass = names.catalog().taskClass(id);
        return taskClass.flatMap(TaskClass::customerImpact).map(text -> " " + words.get(
                WordKey.SUPPORT_CUSTOMER_IMPACT, text)).orElse("")
                + taskClass.flatMap(TaskClass::fallbackNote).map(text -> " " + words.get(
                WordKey.SUPPORT_FALLBACK_NOTE, text)).orElse("");
    }

    private String when(Incident incident, Instant next, Function<Instant, String> time) {
        return words.get(WordKey.SUPPORT_SINCE, time.apply(incident.openedAt())) + " "
                + words.get(WordKey.SUPPORT_NEXT, time.apply(next));
    }

    private String kind(IncidentKind kind) {
        return words.get(WordKey.kind(kind));
    }
}
