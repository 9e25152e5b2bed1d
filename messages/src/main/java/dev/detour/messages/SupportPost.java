package dev.detour.messages;

import com.slack.api.model.block.LayoutBlock;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.support.SupportPostDraft;
import dev.detour.incidents.support.SupportPostKind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

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
        String headline = headline(incident, number);
        String lead = lead(incident, at -> SlackTime.slack(at, status.at()), SlackText::escape);
        List<String> lines = lines(status);
        String body = Limits.lines(lines.stream().map(line -> "• " + line).toList(), Limits.SECTION_TEXT - 100);
        String when = when(incident, next, at -> SlackTime.slack(at, status.at()));
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(Limits.clip(headline, Limits.HEADER_TEXT)))));
        blocks.add(section(s -> s.text(markdownText(Limits.clip(lead, Limits.SECTION_TEXT)))));
        // Support posts are read by people outside the incident: no mention in an update stays live.
        Optional<String> said = update.map(text -> words.get(WordKey.SUPPORT_UPDATE, SlackText.escape(text,
                Limits.room(Limits.SECTION_TEXT, words.get(WordKey.SUPPORT_UPDATE, "")))));
        said.ifPresent(text -> blocks.add(section(s -> s.text(markdownText(text)))));
        blocks.add(section(s -> s.text(markdownText(body))));
        blocks.add(context(c -> c.elements(List.of(markdownText(when)))));
        // The whole post, update included, for Slack's notifications.
        String text = headline + "\n" + lead(incident, at -> SlackTime.plain(at, status.at()), SlackText::escape) + "\n"
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
        List<String> body = new ArrayList<>();
        body.add(lead(incident));
        update.ifPresent(text -> body.add(words.get(WordKey.SUPPORT_UPDATE, text)));
        body.addAll(lines(status));
        body.add(words.get(WordKey.SUPPORT_SINCE, Names.time(incident.openedAt())));
        return new SupportPostDraft(update.isPresent() ? SupportPostKind.UPDATE : SupportPostKind.STATUS,
                headline(incident, number), String.join("\n", body), Optional.of(next));
    }

    /** Normal routing has resumed. */
    public SlackMessage allClear(Incident incident, Instant at) {
        SupportPostDraft post = allClearWords(incident, at);
        String body = allClearBody(incident, at, time -> SlackTime.slack(time, at));
        return new SlackMessage(post.headline() + "\n" + allClearBody(incident, at, time -> SlackTime.plain(time, at)),
                List.of(header(h -> h.text(plainText(post.headline()))), section(s -> s.text(markdownText(body)))));
    }

    /** The all-clear as data for readers outside Slack; it holds only Detour's own words. */
    public SupportPostDraft allClearWords(Incident incident, Instant at) {
        String headline = words.get(WordKey.SUPPORT_ALLCLEAR_HEADER);
        return new SupportPostDraft(SupportPostKind.ALL_CLEAR, headline, allClearBody(incident, at, Names::time));
    }

    private String allClearBody(Incident incident, Instant at, Function<Instant, String> time) {
        return words.get(WordKey.SUPPORT_ALLCLEAR_BODY, words.get(WordKey.supportKind(incident.kind())),
                time.apply(incident.openedAt()), time.apply(at),
                words.duration(Duration.between(incident.openedAt(), at)));
    }

    /**
     * The first sentence, whose problem this is: the provider's (named, since when, "not a change on our side"),
     * a change of ours, or planned maintenance. The same sentence on every surface: Slack, the status page, email.
     */
    public String lead(Incident incident) {
        return lead(incident, Names::time, text -> text);
    }

    /**
     * @param time how a moment reads on this surface (a Slack date token, or UTC)
     * @param text how a name from the config reads on this surface (escaped for Slack, or as is)
     */
    private String lead(Incident incident, Function<Instant, String> time, Function<String, String> text) {
        String since = time.apply(incident.openedAt());
        List<Optional<String>> publicNames = incident.affected().stream().map(names.catalog()::providerOf).distinct()
                .sorted().map(names::publicProvider).toList();
        // A company that names no vendor to customers: one neutral "our AI provider" for all of them.
        boolean unnamed = publicNames.stream().anyMatch(Optional::isEmpty);
        List<String> providers = publicNames.stream().flatMap(Optional::stream).toList();
        String named = providers.size() > NAMED_PROVIDERS ? words.get(WordKey.SUPPORT_SEVERAL_PROVIDERS)
                : String.join(words.get(WordKey.SUPPORT_AND), providers.stream().map(text).toList());
        boolean many = providers.size() > 1;
        WordKey key = switch (incident.kind()) {
            case OUTAGE -> unnamed ? WordKey.SUPPORT_LEAD_UNNAMED_ERRORS
                    : many ? WordKey.SUPPORT_LEAD_PROVIDERS_ERRORS : WordKey.SUPPORT_LEAD_PROVIDER_ERRORS;
            case DEGRADATION -> unnamed ? WordKey.SUPPORT_LEAD_UNNAMED_SLOW
                    : many ? WordKey.SUPPORT_LEAD_PROVIDERS_SLOW : WordKey.SUPPORT_LEAD_PROVIDER_SLOW;
            case MODEL_CHANGE -> WordKey.SUPPORT_LEAD_MODEL_CHANGE;
            case ROUTING_CHANGE -> WordKey.SUPPORT_LEAD_ROUTING_CHANGE;
            case POLICY_CHANGE -> WordKey.SUPPORT_LEAD_POLICY_CHANGE;
            case MAINTENANCE -> WordKey.SUPPORT_LEAD_MAINTENANCE;
        };
        return words.get(key, named, since);
    }

    private String headline(Incident incident, int number) {
        return number <= 1 ? words.get(WordKey.SUPPORT_HEADER, kind(incident.kind()))
                : words.get(WordKey.SUPPORT_HEADER_NUMBERED, kind(incident.kind()), String.valueOf(number));
    }

    /** One line per task class off its primary; and that the others work, when any do. */
    private List<String> lines(DetourStatus status) {
        List<String> lines = new ArrayList<>();
        for (DetourStatus.TaskClassStatus taskClass : status.taskClasses()) {
            Optional<String> line = switch (taskClass.current().state()) {
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
        if (lines.isEmpty() || lines.size() < status.taskClasses().size()) {
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
