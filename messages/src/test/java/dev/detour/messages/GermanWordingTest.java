package dev.detour.messages;

import dev.detour.messages.testing.EnglishFinder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.audit.StoredAuditRecord;
import dev.detour.incidents.catalog.Model;
import dev.detour.incidents.catalog.Provider;
import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.signals.SignalEvidence;
import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteCause;
import dev.detour.incidents.routing.RouteReason;
import dev.detour.incidents.incident.IncidentState;
import dev.detour.incidents.incident.Refusal;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.routing.RouteOverride;
import dev.detour.incidents.routing.RouteState;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.detour.incidents.SeedCatalog.CODE_MIGRATION;
import static dev.detour.incidents.SeedCatalog.GPT_5;
import static dev.detour.incidents.SeedCatalog.OPENAI;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every message Detour renders, in the German test bundle, holds no English: not a phrase of the English bundle
 * and none of the English words renderers used to write into the code. What stays is data: the names and ids of
 * providers, models and task classes, and the text people and signals wrote.
 */
class GermanWordingTest {
    private static final Wording GERMAN = Wording.of("de");
    /** Words the renderers and the domain wrote in English before they moved into the bundle. */
    private static final EnglishFinder ENGLISH = new EnglishFinder(List.of("the", "is", "and", "or", "by", "for", "since",
            "incident", "incidents", "affected", "available", "unavailable", "resolved", "investigating",
            "identified", "monitoring", "acknowledged", "already", "unknown", "fallback", "primary", "stopped",
            "awaiting", "update", "summary", "timeline", "signals", "duration", "detected", "none", "nothing",
            "commands", "provider", "model", "outage", "degradation", "open", "opened", "cannot", "there"));
    /** Commands and ids in code style, and Slack's emoji codes: typed as they are in every language. */
    private static final Pattern TYPED = Pattern.compile("`[^`]*`|```[^`]*```|:[a-z_]+:");

    private final Scenario seed = Scenario.seed();

    @Test
    void everyMessageOfTheGoldenCasesIsGerman() {
        List<String> english = new ArrayList<>();
        for (GoldenCase golden : Stream.concat(Stream.of(GoldenCases.help(GERMAN)),
                GoldenCases.of(seed, GERMAN).stream()).toList()) {
            String text = withoutData(texts(golden.payload().get()));
            ENGLISH.in(text).forEach(found -> english.add(golden.name() + ": " + found));
        }
        assertEquals(List.of(), english);
    }

    @Test
    void everyRefusalIsGerman() {
        RefusalText refusals = new RefusalText(seed.names(), GERMAN);
        List<String> english = new ArrayList<>();
        for (Refusal refusal : everyRefusal()) {
            ENGLISH.in(withoutData(refusals.of(refusal))).forEach(found -> english.add(refusal + ": " + found));
        }
        assertEquals(List.of(), english);
    }

    @Test
    void everyMessageOfTheTwoPersonRuleIsGerman() {
        ApprovalMessage messages = new ApprovalMessage(seed.names(), GERMAN);
        java.time.Instant at = java.time.Instant.parse("2026-06-07T07:15:00Z");
        dev.detour.incidents.approval.Approval request = dev.detour.incidents.approval.Approval.request(seed.id(),
                List.of(Target.provider(OPENAI)), java.util.Optional.empty(), Actor.user("U0ALICE"), at, "v1",
                java.time.Duration.ofMinutes(10)).withId(3);
        dev.detour.incidents.approval.Approval emergency = dev.detour.incidents.approval.Approval.emergency(seed.id(),
                List.of(Target.provider(OPENAI)), java.util.Optional.empty(), Actor.user("U0ALICE"), at, "v1")
                .withId(4);
        List<SlackMessage> rendered = new ArrayList<>(List.of(
                messages.opened(request, PreviewCases.disableFirstProvider(seed), at),
                messages.opened(emergency, PreviewCases.disableFirstProvider(seed), at),
                messages.settled(emergency.settled(dev.detour.incidents.approval.Approval.State.REVIEWED,
                        Actor.user("U0BOB"), at), at)));
        for (dev.detour.incidents.approval.Approval.State state : dev.detour.incidents.approval.Approval.State.values()) {
            rendered.add(messages.settled(request.settled(state, Actor.user("U0BOB"), at.plusSeconds(180)), at));
        }
        List<String> english = new ArrayList<>();
        for (SlackMessage message : rendered) {
            ENGLISH.in(withoutData(texts(SlackJson.of(message)))).forEach(english::add);
        }
        ENGLISH.in(withoutData(messages.pending(request, at))).forEach(english::add);
        assertEquals(List.of(), english);
    }

    @Test
    void everySignalEvidenceIsGerman() {
        SignalEvidenceText evidence = new SignalEvidenceText(GERMAN, ProviderId::value);
        List<String> english = new ArrayList<>();
        for (SignalEvidence seen : everyEvidence()) {
            ENGLISH.in(withoutData(evidence.of(seen))).forEach(found -> english.add(seen + ": " + found));
        }
        assertEquals(List.of(), english);
    }

    @Test
    void theSampleHasEvidenceOfEveryKindExceptOutsideText() {
        Set<Class<?>> outsideText = Set.of(SignalEvidence.Alert.class, SignalEvidence.ProviderIncident.class,
                SignalEvidence.AsWritten.class);
        assertEquals(Arrays.stream(SignalEvidence.class.getPermittedSubclasses())
                        .filter(kind -> !outsideText.contains(kind)).collect(Collectors.toSet()),
                everyEvidence().stream().map(Object::getClass).collect(Collectors.toSet()));
    }

    @Test
    void emailsToSubscribersAreGerman() {
        SubscriberEmails emails = new SubscriberEmails(GERMAN);
        URI page = URI.create("https://beispiel.de/s");
        SubscriberEmails.Text confirmation = emails.confirmation(URI.create("https://beispiel.de/b"), page);
        SubscriberEmails.Text update = emails.update("Störung behoben", "", page,
                URI.create("https://beispiel.de/a"));
        assertEquals(List.of(), ENGLISH.in(confirmation.subject() + "\n" + confirmation.body() + "\n"
                + update.subject() + "\n" + update.body()));
    }

    @Test
    void defaultTitlesAreGerman() {
        IncidentTitle titles = new IncidentTitle(seed.names(), GERMAN);
        List<String> english = new ArrayList<>();
        for (IncidentKind kind : IncidentKind.values()) {
            Incident untitled = ((IncidentChange.Applied) Incident.open(new IncidentId(9), kind, "",
                    List.of(Target.model(OPUS_48), Target.provider(OPENAI)), Actor.user("U0BOB"),
                    java.time.Instant.EPOCH)).incident();
            ENGLISH.in(withoutData(titles.of(untitled))).forEach(found -> english.add(kind + ": " + found));
        }
        assertEquals(List.of(), english);
    }

    @Test
    void everyRouteReasonNotInAPersonsWordsIsGerman() {
        ThreadQuestion questions = new ThreadQuestion(seed.names(), GERMAN);
        Route awaiting = new Route(CODE_MIGRATION, RouteState.AWAITING_CONSENT, Optional.empty(), Optional.of(GPT_5),
                RouteCause.CONSENT_PENDING);
        List<RouteReason> reasons = List.of(new RouteReason.ConsentAnswered(ConsentAnswer.APPROVE, GPT_5),
                new RouteReason.ConsentAnswered(ConsentAnswer.DENY, GPT_5), new RouteReason.ConfigurationLoaded(),
                new RouteReason.PlannedMaintenance("M-3f9a1c", java.time.Instant.parse("2026-06-07T12:00:00Z")));
        List<String> english = new ArrayList<>();
        for (RouteReason reason : reasons) {
            String question = questions.asks(new DetourEvent.RouteChanged(java.time.Instant.EPOCH,
                    Actor.policy("failover:consent"), Optional.empty(), awaiting, Optional.of(reason),
                    Optional.of(new IncidentId(1)))).orElseThrow().context();
            ENGLISH.in(withoutData(question)).forEach(found -> english.add(reason + ": " + found));
        }
        assertEquals(List.of(), english);
    }

    /** One of each kind of evidence the gateway and status pages give, in numbers and page words. */
    private static List<SignalEvidence> everyEvidence() {
        SignalEvidence.GatewayNumbers numbers = new SignalEvidence.GatewayNumbers(0.3, 12, 40,
                java.time.Duration.ofSeconds(60), 2, 2559);
        return List.of(new SignalEvidence.GatewayErrors(numbers, false), new SignalEvidence.GatewayErrors(numbers, true),
                new SignalEvidence.GatewayRecovered(numbers, java.time.Duration.ofMinutes(5)),
                new SignalEvidence.OurSideRefused(0.9, 40), new SignalEvidence.OurSideAccepted(),
                new SignalEvidence.ProviderComponent(OPENAI, "API", "major_outage"),
                new SignalEvidence.ProviderComponent(OPENAI, "API", "partial_outage"),
                new SignalEvidence.ProviderComponent(OPENAI, "API", "degraded_performance"),
                new SignalEvidence.ProviderComponent(OPENAI, "API", "under_maintenance"),
                new SignalEvidence.ProviderComponent(OPENAI, "API", "operational"));
    }

    @Test
    void theSampleHasOneRefusalOfEveryKind() {
        assertEquals(Set.of(Refusal.class.getPermittedSubclasses()),
                everyRefusal().stream().map(Object::getClass).collect(Collectors.toSet()));
    }

    private static List<Refusal> everyRefusal() {
        IncidentId id = new IncidentId(3);
        return List.of(new Refusal.TooLong(Refusal.Text.REASON, 3001, 3000), new Refusal.NoTargets(),
                new Refusal.AlreadyInState(id, IncidentState.MONITORING),
                new Refusal.ResolvedCannotMove(id, IncidentState.IDENTIFIED),
                new Refusal.ResolvedNothingToAcknowledge(id), new Refusal.AlreadyAcknowledged(id, Actor.user("U0BOB")),
                new Refusal.ResolvedOpenANewOne(id), new Refusal.AlreadyCovers(id, List.of(Target.model(GPT_5))),
                new Refusal.UpdateNeedsText(), new Refusal.TitleNeedsText(), new Refusal.AlreadyTitled(id),
                new Refusal.AlreadyOfKind(id, dev.detour.incidents.incident.IncidentKind.OUTAGE), new Refusal.StillOpen(id, IncidentState.INVESTIGATING),
                new Refusal.ProviderAlreadyInIncident(id, OPENAI), new Refusal.NoSuchIncident(id),
                new Refusal.NothingNamed(), new Refusal.UnknownTargets(List.of(Target.model(OPUS_48))),
                new Refusal.UnknownTaskClass(CODE_MIGRATION), new Refusal.UnknownModel(GPT_5),
                new Refusal.AlreadyOverridden(CODE_MIGRATION, Optional.of(new RouteOverride.Pin(GPT_5))),
                new Refusal.NoOpenQuestion(CODE_MIGRATION, Optional.of(RouteState.FALLBACK)));
    }

    /** Every {@code text} in a Block Kit payload (headers, sections, buttons, labels, placeholders, options). */
    private static String texts(JsonElement json) {
        List<String> texts = new ArrayList<>();
        collect(json, texts);
        return String.join("\n", texts);
    }

    private static void collect(JsonElement json, List<String> texts) {
        if (json instanceof JsonObject object) {
            for (String key : object.keySet()) {
                JsonElement value = object.get(key);
                if (value.isJsonPrimitive() && key.equals("text")) {
                    texts.add(value.getAsString());
                } else {
                    collect(value, texts);
                }
            }
        } else if (json instanceof JsonArray array) {
            array.forEach(element -> collect(element, texts));
        }
    }

    /** Without the data: names and ids from the catalog, and the text people and signals wrote in the scenario. */
    private String withoutData(String text) {
        List<String> data = new ArrayList<>();
        seed.catalog().providers().stream().map(Provider::name).forEach(data::add);
        seed.catalog().models().stream().map(Model::name).forEach(data::add);
        seed.catalog().taskClasses().stream().map(TaskClass::name).forEach(data::add);
        seed.catalog().providers().forEach(provider -> data.add(provider.id().value()));
        seed.catalog().models().forEach(model -> data.add(model.id().value()));
        seed.catalog().taskClasses().forEach(taskClass -> data.add(taskClass.id().value()));
        data.addAll(seed.writtenByPeople());
        // The audit trail shows what was recorded, as recorded (subjects, values before and after, reasons).
        seed.audit().stream().map(StoredAuditRecord::record).forEach(record -> {
            data.add(record.subject().text());
            record.before().ifPresent(data::add);
            record.after().ifPresent(data::add);
            record.reason().ifPresent(data::add);
        });
        data.sort((a, b) -> b.length() - a.length());
        String rest = text;
        for (String piece : data) {
            rest = rest.replace(piece, "·");
        }
        return TYPED.matcher(rest.replace("```", "`")).replaceAll("·");
    }
}
