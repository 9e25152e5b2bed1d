package dev.detour.commands;

import dev.detour.incidents.audit.AuditQuery;
import dev.detour.incidents.audit.AuditSubject;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.Durations;
import dev.detour.incidents.catalog.Model;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Provider;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.config.Suggestions;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.IncidentState;
import dev.detour.incidents.incident.TextLimits;
import dev.detour.incidents.incident.Resolution;
import dev.detour.incidents.incident.UpdateText;
import dev.detour.incidents.maintenance.MaintenanceId;
import dev.detour.incidents.maintenance.MaintenanceTime;
import dev.detour.messages.CustomerText;
import dev.detour.incidents.preview.ProposedChange;
import dev.detour.incidents.recovery.RampCommand;
import dev.detour.messages.WordKey;
import dev.detour.incidents.routing.RouteOverride;
import dev.detour.messages.Wording;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns the text after {@code /detour} into a {@link DetourCommand}: the grammar of docs/slack.md ("Commands"),
 * checked against the catalog. Pure: no I/O, never throws for any input; everything wrong becomes
 * {@link DetourCommand.Invalid}.
 */
public final class CommandParser {
    private static final Pattern WORDS = Pattern.compile("[\\s,]+");
    /** {@code --} before a reason; Slack clients often turn it into an em or en dash. */
    private static final Pattern REASON_SEPARATOR = Pattern.compile("(?:^|\\s)(?:--|—|–)(?:\\s|$)");
    /** {@code --public} before an update's text for customers (also with a dash a Slack client put in). */
    private static final Pattern PUBLIC_SEPARATOR = Pattern.compile("(?:^|\\s)(?:--|—|–)public(?:\\s|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INCIDENT_NUMBER = Pattern.compile("[1-9][0-9]{0,17}");
    private static final Pattern HUGE_DURATION = Pattern.compile("[0-9]{10,}(ms|s|m|h|d)");
    /** A word that starts a date: {@code 2026-12-07} or {@code 2026-12-07T14:00Z}. */
    private static final Pattern DATE_START = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}.*");
    private static final Pattern DATE_ONLY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern CLOCK_TIME = Pattern.compile("[0-9]{2}:[0-9]{2}(:[0-9]{2})?");
    private static final Pattern DRY_RUN = Pattern.compile("(?:--|—|–)dry-run", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOW = Pattern.compile("(?:--|—|–)now", Pattern.CASE_INSENSITIVE);
    /** The verbs whose change {@code --dry-run} previews instead of making. */
    private static final Set<Verb> DRY_RUN_VERBS = Set.of(Verb.DISABLE, Verb.ENABLE, Verb.ROUTE);
    private static final Pattern AT_ONCE = Pattern.compile("(?:--|—|–)at-once", Pattern.CASE_INSENSITIVE);
    /** What {@code /detour ramp <target>} may be asked; Retry ramp and Keep off are buttons only. */
    private static final List<RampCommand> TYPED_RAMP_COMMANDS = List.of(RampCommand.STATUS, RampCommand.PAUSE,
            RampCommand.RESUME, RampCommand.ABORT, RampCommand.COMPLETE);

    private final Catalog catalog;
    private final Wording wording;

    public CommandParser(Catalog catalog, Wording wording) {
        this.catalog = catalog;
        this.wording = wording;
    }

    public DetourCommand parse(String text) {
        String input = unescape(text == null ? "" : text).strip();
        String whole = input;
        String reason = null;
        var separator = REASON_SEPARATOR.matcher(input);
        if (separator.find()) {
            reason = input.substring(separator.end()).strip();
            input = input.substring(0, separator.start()).strip();
        }
        List<String> words = input.isEmpty() ? List.of() : Arrays.asList(WORDS.split(input));
        words = words.stream().filter(word -> !word.isEmpty()).toList();
        if (words.isEmpty()) {
            return reason == null ? new DetourCommand.Help() : unknownVerb("--");
        }
        Optional<Verb> verb = Verb.fromWord(words.get(0).toLowerCase(Locale.ROOT));
        if (verb.isEmpty()) {
            return unknownVerb(words.get(0));
        }
        String afterVerb = whole.substring(whole.indexOf(words.get(0)) + words.get(0).length()).strip();
        List<String> arguments = words.subList(1, words.size());
        boolean dryRun = DRY_RUN_VERBS.contains(verb.get()) && arguments.stream().anyMatch(CommandParser::isDryRun);
        if (dryRun) {
            arguments = arguments.stream().filter(word -> !isDryRun(word)).toList();
        }
        boolean now = verb.get() == Verb.DISABLE && arguments.stream().anyMatch(word -> NOW.matcher(word).matches());
        if (now) {
            arguments = arguments.stream().filter(word -> !NOW.matcher(word).matches()).toList();
        }
        boolean atOnce = verb.get() == Verb.ENABLE && arguments.stream().anyMatch(word -> AT_ONCE.matcher(word)
                .matches());
        if (atOnce) {
            arguments = arguments.stream().filter(word -> !AT_ONCE.matcher(word).matches()).toList();
        }
        Arguments args = new Arguments(verb.get(), arguments, Optional.ofNullable(reason)
                .filter(r -> !r.isEmpty()), afterVerb, atOnce);
        DetourCommand command = args.parse();
        if (!dryRun && now && command instanceof DetourCommand.Disable disable) {
            return new DetourCommand.DisableNow(disable.targets(), disable.reason());
        }
        return dryRun ? dryRun(command) : command;
    }

    /** {@code --dry-run}, also as Slack clients retype its dashes (an em or en dash). */
    private static boolean isDryRun(String word) {
        return DRY_RUN.matcher(word).matches();
    }

    /** The preview of a parsed change; a mistake stays the mistake the change itself would be. */
    private static DetourCommand dryRun(DetourCommand command) {
        if (command instanceof DetourCommand.Disable disable) {
            return new DetourCommand.DryRun(new ProposedChange.Disable(disable.targets()));
        } else if (command instanceof DetourCommand.Enable enable) {
            return new DetourCommand.DryRun(new ProposedChange.Enable(enable.targets()));
        } else if (command instanceof DetourCommand.Route route) {
            return new DetourCommand.DryRun(new ProposedChange.Reroute(route.taskClass(), route.override()));
        }
        return command;
    }

    /** Everything about one command: its verb, the words after it, and the reason after {@code --}. */
    private final class Arguments {
        private final Verb verb;
        private final List<String> words;
        private final Optional<String> reason;
        /** The text after the verb as typed: an update keeps its commas, dashes and line breaks. */
        private final String afterVerb;
        private final boolean atOnce;

        Arguments(Verb verb, List<String> words, Optional<String> reason, String afterVerb, boolean atOnce) {
            this.atOnce = atOnce;
            this.verb = verb;
            this.words = words;
            this.reason = reason;
            this.afterVerb = afterVerb;
        }

        DetourCommand parse() {
            try {
                return switch (verb) {
                    case HELP -> noArguments(new DetourCommand.Help());
                    case STATUS -> status();
                    case DECLARE -> new DetourCommand.Declare(targets(), text(reason, WordKey.PARSE_WHAT_REASON,
                            TextLimits.TITLE));
                    case DISABLE -> new DetourCommand.Disable(requiredTargets(), text(reason, WordKey.PARSE_WHAT_REASON,
                            TextLimits.TEXT));
                    case ENABLE -> new DetourCommand.Enable(requiredTargets(), text(reason, WordKey.PARSE_WHAT_REASON,
                            TextLimits.TEXT), atOnce);
                    case RAMP -> ramp();
                    case ROUTE -> route();
                    case CONSENT -> consent();
                    case UPDATE -> update();
                    case STATE -> changeState();
                    case TITLE -> retitle();
                    case KIND -> setKind();
                    case RESOLVE -> resolve();
                    case REOPEN -> new DetourCommand.Reopen(onlyIncident(), text(reason, WordKey.PARSE_WHAT_REASON,
                            TextLimits.TEXT));
                    case SUMMARY -> summary();
                    case AUDIT -> audit();
                    case MAINTENANCE -> maintenance();
                    case SUBSCRIBE -> noArguments(new DetourCommand.Subscribe(true));
                    case UNSUBSCRIBE -> noArguments(new DetourCommand.Subscribe(false));
                };
            } catch (Refusal refusal) {
                return invalid(refusal.getMessage());
            }
        }

        private DetourCommand noArguments(DetourCommand command) {
            if (!words.isEmpty() || reason.isPresent()) {
                throw refusal(WordKey.PARSE_NO_ARGUMENTS, verb.word());
            }
            return command;
        }

        private List<Target> requiredTargets() {
            if (words.isEmpty()) {
                throw refusal(WordKey.PARSE_SAY_TARGETS, verb.word());
            }
            return targets();
        }

        private List<Target> targets() {
            Set<Target> targets = new LinkedHashSet<>();
            for (String word : words) {
                targets.add(target(word));
            }
            return List.copyOf(targets);
        }

        private DetourCommand route() {
            expectWords(2, WordKey.PARSE_ROUTE_NEEDS);
            TaskClassId taskClass = taskClass(words.get(0));
            String choice = words.get(1).toLowerCase(Locale.ROOT);
            if (choice.equals("auto")) {
                return new DetourCommand.Route(taskClass, Optional.empty());
            }
            if (choice.equals("stop")) {
                return new DetourCommand.Route(taskClass, Optional.of(new RouteOverride.Stop()));
            }
            ModelId model = model(choice, wording.get(WordKey.PARSE_ROUTE_MODEL));
            return new DetourCommand.Route(taskClass, Optional.of(new RouteOverride.Pin(model)));
        }

        /** {@code ramp <target> status|pause|resume|abort|complete [-- reason]} (docs/recovery.md). */
        private DetourCommand ramp() {
            if (words.size() != 2) {
                throw refusal(WordKey.PARSE_RAMP_NEEDS);
            }
            Target target = target(words.get(0));
            String word = words.get(1).toLowerCase(Locale.ROOT);
            List<String> known = TYPED_RAMP_COMMANDS.stream().map(RampCommand::word).toList();
            RampCommand command = RampCommand.fromWord(word).filter(TYPED_RAMP_COMMANDS::contains)
                    .orElseThrow(() -> refusal(WordKey.PARSE_RAMP_UNKNOWN, words.get(1), suggestion(word, known)));
            return new DetourCommand.Ramp(target, command, text(reason, WordKey.PARSE_WHAT_REASON, TextLimits.TEXT));
        }

        private DetourCommand consent() {
            expectWords(2, WordKey.PARSE_CONSENT_NEEDS);
            TaskClassId taskClass = taskClass(words.get(0));
            String word = words.get(1).toLowerCase(Locale.ROOT);
            ConsentAnswer answer = ConsentAnswer.fromWord(word).orElseThrow(() -> refusal(WordKey.PARSE_CONSENT_UNKNOWN,
                    words.get(1), suggestion(word, List.of("approve", "deny"))));
            return new DetourCommand.Consent(taskClass, answer);
        }

        /**
         * {@code INC-n [--] internal text [--public customer text]}: the thread's text, and the customers' only when
         * {@code --public} says so; customers read it as {@link CustomerText} makes it.
         */
        private DetourCommand update() {
            if (words.isEmpty()) {
                throw refusal(WordKey.PARSE_UPDATE_WHICH);
            }
            IncidentId incident = incident(words.get(0));
            String text = afterVerb.substring(afterVerb.indexOf(words.get(0)) + words.get(0).length()).strip();
            String customer = "";
            var forCustomers = PUBLIC_SEPARATOR.matcher(text);
            if (forCustomers.find()) {
                customer = text.substring(forCustomers.end()).strip();
                text = text.substring(0, forCustomers.start()).strip();
                if (customer.isEmpty()) {
                    throw refusal(WordKey.PARSE_UPDATE_PUBLIC_EMPTY);
                }
            }
            if (text.startsWith("--") || text.startsWith("—") || text.startsWith("–")) {
                text = text.substring(text.startsWith("--") ? 2 : 1).strip();
            }
            if (text.isBlank() && customer.isEmpty()) {
                throw refusal(WordKey.PARSE_UPDATE_EMPTY);
            }
            text(Optional.of(text), WordKey.PARSE_WHAT_UPDATE, TextLimits.TEXT);
            text(Optional.of(customer), WordKey.PARSE_WHAT_UPDATE, TextLimits.TEXT);
            return new DetourCommand.Update(incident, new UpdateText(text, CustomerText.of(customer)));
        }

        private DetourCommand changeState() {
            expectWords(2, WordKey.PARSE_STATE_NEEDS);
            IncidentId incident = incident(words.get(0));
            String word = words.get(1).toLowerCase(Locale.ROOT);
            List<String> states = Arrays.stream(IncidentState.values()).map(IncidentState::word).toList();
            IncidentState state = IncidentState.fromWord(word).orElseThrow(() -> refusal(WordKey.PARSE_STATE_UNKNOWN,
                    words.get(1), suggestion(word, states), String.join(", ", states)));
            return new DetourCommand.ChangeState(incident, state);
        }

        /** {@code INC-n <text>}: the text as typed, a leading {@code --} dropped; the incident refuses an empty one. */
        private DetourCommand retitle() {
            if (words.isEmpty()) {
                throw refusal(WordKey.PARSE_TITLE_WHICH);
            }
            IncidentId incident = incident(words.get(0));
            String text = afterVerb.substring(afterVerb.indexOf(words.get(0)) + words.get(0).length()).strip();
            if (text.startsWith("--") || text.startsWith("—") || text.startsWith("–")) {
                text = text.substring(text.startsWith("--") ? 2 : 1).strip();
            }
            return new DetourCommand.Retitle(incident, text);
        }

        private DetourCommand setKind() {
            expectWords(2, WordKey.PARSE_KIND_NEEDS);
            IncidentId incident = incident(words.get(0));
            String word = words.get(1).toLowerCase(Locale.ROOT);
            List<String> kinds = Arrays.stream(IncidentKind.values()).map(IncidentKind::word).toList();
            IncidentKind kind = IncidentKind.fromWord(word).orElseThrow(() -> refusal(WordKey.PARSE_KIND_UNKNOWN,
                    words.get(1), suggestion(word, kinds), String.join(", ", kinds)));
            return new DetourCommand.SetKind(incident, kind);
        }

        /** {@code INC-n} or {@code INC-n full}. */
        private DetourCommand summary() {
            if (words.size() == 2 && words.get(1).equalsIgnoreCase("full")) {
                return new DetourCommand.Summary(incident(words.get(0)), true);
            }
            return new DetourCommand.Summary(onlyIncident());
        }

        /**
         * {@code INC-n [-- summary] [--public customer text] [--cause why] [--follow-up what @owner due date]}: the
         * customers' text only when {@code --public} says so, as {@link CustomerText} makes it.
         */
        private DetourCommand resolve() {
            if (words.isEmpty()) {
                throw refusal(WordKey.PARSE_INCIDENT_WHICH);
            }
            IncidentId incident = incident(words.get(0));
            String text = afterVerb.substring(afterVerb.indexOf(words.get(0)) + words.get(0).length()).strip();
            if (!text.isEmpty() && !text.startsWith("--") && !text.startsWith("—") && !text.startsWith("–")) {
                expectWords(1, WordKey.PARSE_INCIDENT_ONE);
            }
            var forCustomers = PUBLIC_SEPARATOR.matcher(text);
            Resolution resolution = ResolutionText.ofCommand(text);
            if (forCustomers.find() && resolution.customer().isEmpty()) {
                throw refusal(WordKey.PARSE_UPDATE_PUBLIC_EMPTY);
            }
            text(Optional.of(resolution.summary()), WordKey.PARSE_WHAT_SUMMARY, TextLimits.TEXT);
            return new DetourCommand.Resolve(incident, resolution);
        }

        private IncidentId onlyIncident() {
            if (words.isEmpty()) {
                throw refusal(WordKey.PARSE_INCIDENT_WHICH);
            }
            expectWords(1, WordKey.PARSE_INCIDENT_ONE);
            return incident(words.get(0));
        }

        /**
         * {@code list}, {@code cancel <M-id>}, or {@code <targets> <from> <until>} (docs/maintenance.md): the targets
         * are the words before the first that starts a time ({@code in}, {@code now}, {@code from}, a date).
         */
        private DetourCommand maintenance() {
            if (words.isEmpty()) {
                throw refusal(WordKey.PARSE_MAINTENANCE_NEEDS);
            }
            String first = words.get(0).toLowerCase(Locale.ROOT);
            if (first.equals("list")) {
                if (words.size() > 1 || reason.isPresent()) {
                    throw refusal(WordKey.PARSE_NO_ARGUMENTS, verb.word() + " list");
                }
                return new DetourCommand.ListMaintenance();
            }
            if (first.equals("cancel")) {
                if (words.size() != 2) {
                    throw refusal(WordKey.PARSE_MAINTENANCE_WHICH);
                }
                return new DetourCommand.CancelMaintenance(MaintenanceId.parse(words.get(1))
                        .orElseThrow(() -> refusal(WordKey.PARSE_MAINTENANCE_NOT_AN_ID, words.get(1))));
            }
            int start = 0;
            while (start < words.size() && !startsATime(words.get(start))) {
                start++;
            }
            if (start == 0 || start == words.size()) {
                if (start == 0) {
                    throw refusal(WordKey.PARSE_MAINTENANCE_NEEDS);
                }
                targetsOf(words.subList(0, start)); // an unknown target is the first thing to say
                throw refusal(WordKey.PARSE_MAINTENANCE_NEEDS);
            }
            List<Target> targets = targetsOf(words.subList(0, start));
            TimeWords times = new TimeWords(words.subList(start, words.size()));
            times.skip("from");
            MaintenanceTime from = times.time(false);
            times.skip("until", "to");
            if (!times.more()) {
                throw refusal(WordKey.PARSE_MAINTENANCE_UNTIL);
            }
            MaintenanceTime until = times.time(true);
            if (times.more()) {
                throw refusal(WordKey.PARSE_MAINTENANCE_EXTRA, times.next());
            }
            return new DetourCommand.ScheduleMaintenance(targets, from, until,
                    text(reason, WordKey.PARSE_WHAT_REASON, TextLimits.TEXT));
        }

        private List<Target> targetsOf(List<String> typed) {
            Set<Target> targets = new LinkedHashSet<>();
            typed.forEach(word -> targets.add(target(word)));
            return List.copyOf(targets);
        }

        /** Nothing, or one incident: {@code status INC-4} is the catch-up on it. */
        private DetourCommand status() {
            if (reason.isPresent() || words.size() > 1) {
                throw refusal(WordKey.PARSE_STATUS_NEEDS);
            }
            return new DetourCommand.Status(words.isEmpty() ? Optional.empty() : Optional.of(incident(words.get(0))));
        }

        /**
         * {@code [INC-n|provider|model|task-class] [since <duration>] [all] [page <n>]}, in any order: at most one
         * filter; {@code all} shows delivery receipts too; {@code page 2} the next 30 older records.
         */
        private DetourCommand audit() {
            AuditQuery query = AuditQuery.everything();
            Optional<Duration> since = Optional.empty();
            Optional<String> filter = Optional.empty();
            boolean all = false;
            int page = 1;
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i).toLowerCase(Locale.ROOT);
                if (word.equals("since")) {
                    if (i + 1 >= words.size() || since.isPresent()) {
                        throw refusal(WordKey.PARSE_SINCE_NEEDS);
                    }
                    String duration = words.get(++i);
                    since = Optional.of(Durations.parse(duration).or(() -> beyondCounting(duration))
                            .filter(d -> !d.isNegative() && !d.isZero())
                            .orElseThrow(() -> refusal(WordKey.PARSE_SINCE_UNKNOWN, duration)));
                } else if (word.equals("all")) {
                    all = true;
                } else if (word.equals("page")) {
                    if (i + 1 >= words.size()) {
                        throw refusal(WordKey.PARSE_PAGE_NEEDS, String.valueOf(DetourCommand.Audit.LAST_PAGE));
                    }
                    page = pageNumber(words.get(++i));
                } else if (filter.isPresent()) {
                    throw refusal(WordKey.PARSE_AUDIT_ONE_FILTER);
                } else {
                    query = subject(words.get(i), query);
                    filter = Optional.of(IncidentId.parse(words.get(i)).map(IncidentId::toString).orElse(word));
                }
            }
            return new DetourCommand.Audit(query, since, filter, all, page);
        }

        private int pageNumber(String word) {
            String limit = String.valueOf(DetourCommand.Audit.LAST_PAGE);
            if (!word.matches("[0-9]{1,9}")) {
                throw refusal(WordKey.PARSE_PAGE_NEEDS, limit);
            }
            int page = Integer.parseInt(word);
            if (page < 1 || page > DetourCommand.Audit.LAST_PAGE) {
                throw refusal(WordKey.PARSE_PAGE_NEEDS, limit);
            }
            return page;
        }

        private AuditQuery subject(String word, AuditQuery query) {
            Optional<IncidentId> incident = IncidentId.parse(word);
            if (incident.isPresent()) {
                return query.forIncident(incident.get());
            }
            String id = word.toLowerCase(Locale.ROOT);
            Optional<TaskClassId> taskClass = catalog.taskClasses().stream().map(TaskClass::id)
                    .filter(known -> known.value().equals(id)).findFirst();
            return query.forSubject(taskClass.map(AuditSubject::taskClass)
                    .orElseGet(() -> AuditSubject.target(target(word))));
        }

        /** @param what the key of what the verb needs */
        private void expectWords(int count, WordKey what) {
            if (words.size() != count) {
                throw refusal(words.size() > count ? WordKey.PARSE_NEEDS_NO_MORE : WordKey.PARSE_NEEDS, verb.word(),
                        wording.get(what));
            }
        }

        private DetourCommand invalid(String problem) {
            return new DetourCommand.Invalid(problem, verb.usage(), Optional.of(verb));
        }
    }

    private static boolean startsATime(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return lower.equals("in") || lower.equals("now") || lower.equals("from") || DATE_START.matcher(lower).matches();
    }

    /** The words of a window's times, read left to right. */
    private final class TimeWords {
        private final List<String> words;
        private int at;

        TimeWords(List<String> words) {
            this.words = words;
        }

        boolean more() {
            return at < words.size();
        }

        String next() {
            return words.get(at);
        }

        void skip(String... optional) {
            if (more() && List.of(optional).contains(next().toLowerCase(Locale.ROOT))) {
                at++;
            }
        }

        /**
         * {@code in 2h}, {@code now}, {@code 2026-12-07 14:00} (UTC), an ISO time ({@code 2026-12-07T14:00Z},
         * {@code 2026-12-07T15:00+01:00}); for the end also {@code for 90m}.
         */
        MaintenanceTime time(boolean end) {
            if (!more()) {
                throw refusal(end ? WordKey.PARSE_MAINTENANCE_UNTIL : WordKey.PARSE_MAINTENANCE_NEEDS);
            }
            String word = words.get(at++);
            String lower = word.toLowerCase(Locale.ROOT);
            if (lower.equals("now") && !end) {
                return new MaintenanceTime.In(Duration.ZERO);
            }
            if (lower.equals("in") || (lower.equals("for") && end)) {
                if (!more()) {
                    throw refusal(WordKey.PARSE_MAINTENANCE_DURATION, word);
                }
                String typed = words.get(at++);
                Duration duration = Durations.parse(typed).filter(d -> !d.isNegative() && !d.isZero())
                        .filter(d -> d.compareTo(ChronoUnit.YEARS.getDuration()) < 0)
                        .orElseThrow(() -> refusal(WordKey.PARSE_MAINTENANCE_DURATION, typed));
                return lower.equals("in") ? new MaintenanceTime.In(duration) : new MaintenanceTime.For(duration);
            }
            if (DATE_ONLY.matcher(lower).matches() && more() && CLOCK_TIME.matcher(next()).matches()) {
                String clock = words.get(at++);
                return absolute(word + "T" + clock + (clock.length() == 5 ? ":00" : "") + "Z", word + " " + clock);
            }
            return absolute(word, word);
        }

        private MaintenanceTime absolute(String iso, String typed) {
            String text = iso.toUpperCase(Locale.ROOT);
            try {
                return new MaintenanceTime.At(java.time.OffsetDateTime.parse(text).toInstant());
            } catch (java.time.format.DateTimeParseException withoutZone) {
                try {
                    return new MaintenanceTime.At(java.time.LocalDateTime.parse(text)
                            .toInstant(java.time.ZoneOffset.UTC)); // no zone given: UTC, as the usage says
                } catch (java.time.format.DateTimeParseException e) {
                    throw refusal(WordKey.PARSE_MAINTENANCE_TIME, typed);
                }
            }
        }
    }

    private Target target(String word) {
        String id = word.toLowerCase(Locale.ROOT);
        for (Provider provider : catalog.providers()) {
            if (provider.id().value().equals(id)) {
                return Target.provider(provider.id());
            }
        }
        for (Model model : catalog.models()) {
            if (model.id().value().equals(id)) {
                return Target.model(model.id());
            }
        }
        List<String> known = Stream.concat(catalog.providers().stream().map(p -> p.id().value()),
                catalog.models().stream().map(m -> m.id().value())).toList();
        throw refusal(WordKey.PARSE_NO_TARGET, word, suggestion(id, known));
    }

    private ModelId model(String word, String expected) {
        for (Model model : catalog.models()) {
            if (model.id().value().equals(word)) {
                return model.id();
            }
        }
        List<String> known = catalog.models().stream().map(m -> m.id().value()).collect(Collectors.toList());
        known.addAll(List.of("stop", "auto"));
        throw refusal(WordKey.PARSE_NOT_EXPECTED, word, expected, suggestion(word, known));
    }

    private TaskClassId taskClass(String word) {
        String id = word.toLowerCase(Locale.ROOT);
        List<String> known = catalog.taskClasses().stream().map(TaskClass::id).map(TaskClassId::value).toList();
        if (known.contains(id)) {
            return TaskClassId.of(id);
        }
        throw refusal(WordKey.PARSE_NO_TASK_CLASS, word, suggestion(id, known));
    }

    private IncidentId incident(String word) {
        Optional<IncidentId> id = IncidentId.parse(word);
        if (id.isPresent()) {
            return id.get();
        }
        if (INCIDENT_NUMBER.matcher(word).matches()) {
            return new IncidentId(Long.parseLong(word));
        }
        throw refusal(WordKey.PARSE_NOT_AN_INCIDENT, word);
    }

    /** @param what the key of what the text is (reason, update, summary) */
    private Optional<String> text(Optional<String> text, WordKey what, int max) {
        if (text.isPresent() && text.get().length() > max) {
            throw refusal(WordKey.PARSE_TOO_LONG, wording.get(what), String.valueOf(text.get().length()),
                    String.valueOf(max));
        }
        return text;
    }

    private DetourCommand unknownVerb(String word) {
        String typed = word.toLowerCase(Locale.ROOT);
        String usage = Arrays.stream(Verb.values()).map(Verb::usage).collect(Collectors.joining("\n"));
        return new DetourCommand.Invalid(wording.get(WordKey.PARSE_UNKNOWN_VERB, word, suggestion(typed, Verb.words())),
                usage, Optional.empty());
    }

    /** {@code  (did you mean `x` or `y`?)}, or nothing when no known word is near. */
    private String suggestion(String typed, List<String> known) {
        List<String> near = Suggestions.nearest(typed, known);
        return near.isEmpty() ? "" : wording.get(WordKey.PARSE_DID_YOU_MEAN, near.stream().map(match -> "`" + match + "`")
                .collect(Collectors.joining(wording.get(WordKey.PARSE_OR))));
    }

    private Refusal refusal(WordKey key, Object... arguments) {
        return new Refusal(wording.get(key, arguments));
    }

    /** Slack sends {@code &}, {@code <} and {@code >} in command text as HTML entities. */
    /** More units than a duration holds ({@code 99999999999d}): as far back as anything was recorded. */
    private static Optional<Duration> beyondCounting(String word) {
        return HUGE_DURATION.matcher(word.toLowerCase(Locale.ROOT)).matches()
                ? Optional.of(ChronoUnit.CENTURIES.getDuration()) : Optional.empty();
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** A refusal while parsing; caught in {@link Arguments#parse()}, so it never leaves the parser. */
    private static final class Refusal extends RuntimeException {
        Refusal(String message) {
            super(message, null, false, false);
        }
    }
}
