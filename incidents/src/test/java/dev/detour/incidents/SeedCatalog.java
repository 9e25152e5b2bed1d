package dev.detour.incidents;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.FailoverMode;
import dev.detour.incidents.catalog.Model;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Provider;
import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.catalog.RecoveryMode;
import dev.detour.incidents.catalog.RecoveryPolicy;
import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.catalog.TaskClassId;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog of the seed incident (as configured in docs/configuration.md), built in code: one provider with two
 * flagship models, a second provider, and one task class per failover mode.
 */
public final class SeedCatalog {
    public static final ProviderId ANTHROPIC = ProviderId.of("anthropic");
    public static final ProviderId OPENAI = ProviderId.of("openai");
    public static final ModelId OPUS_48 = ModelId.of("claude-opus-4-8");
    /** How providers and gateways spell Opus 4.8, as in deploy/detour.example.yml. */
    public static final List<String> OPUS_48_ALIASES = List.of("claude-opus-4-8-2026*", "anthropic/claude-opus-4.8");
    public static final ModelId OPUS_47 = ModelId.of("claude-opus-4-7");
    public static final ModelId SONNET_46 = ModelId.of("claude-sonnet-4-6");
    public static final ModelId GPT_5 = ModelId.of("gpt-5");
    public static final TaskClassId MEETING_SUMMARY = TaskClassId.of("meeting-summary");
    public static final TaskClassId CODE_MIGRATION = TaskClassId.of("code-migration");
    public static final TaskClassId LEGAL_REVIEW = TaskClassId.of("legal-review");

    private SeedCatalog() {
    }

    public static Catalog catalog() {
        return withTaskClasses(List.of(
                taskClass(MEETING_SUMMARY, "Meeting summaries", FailoverMode.AUTO, OPUS_48, GPT_5),
                taskClass(CODE_MIGRATION, "Code migration plans", FailoverMode.CONSENT, OPUS_47, GPT_5),
                taskClass(LEGAL_REVIEW, "Contract review", FailoverMode.STOP, OPUS_48)));
    }

    /** The seed catalog, with {@code automaticProvider}'s signals acting by themselves (none when empty). */
    public static Catalog withAutomatic(String automaticProvider) {
        Catalog seed = catalog();
        List<Provider> providers = seed.providers().stream()
                .map(p -> p.id().value().equals(automaticProvider) ? new Provider(p.id(), p.name(), p.statusPage(),
                        true, true, p.components(), p.models()) : p)
                .toList();
        return new Catalog(providers, seed.taskClasses());
    }

    /** How {@link #withStaged} brings a provider back: steps 10, 50, 100, each held a minute, 20 requests. */
    public static final RecoveryPolicy STAGED = new RecoveryPolicy(RecoveryMode.STAGED, List.of(10, 50, 100),
            Duration.ofMinutes(1), 20);

    /** {@code catalog} with {@code stagedProvider}'s models coming back through a ramp (none when empty). */
    public static Catalog withStaged(Catalog catalog, String stagedProvider) {
        List<Provider> providers = catalog.providers().stream()
                .map(p -> p.id().value().equals(stagedProvider) ? new Provider(p.id(), p.name(), p.statusPage(),
                        p.autoDisable(), p.autoEnable(), p.components(), p.models(), p.publicName(), STAGED) : p)
                .toList();
        return new Catalog(providers, catalog.taskClasses());
    }

    /** The seed providers and models with other task classes, for tests that need a route of their own. */
    public static Catalog withTaskClasses(List<TaskClass> taskClasses) {
        Provider anthropic = new Provider(ANTHROPIC, "Anthropic", Optional.of(URI.create("https://status.anthropic.com")),
                false, false, Map.of("Claude API", List.of(OPUS_48, OPUS_47, SONNET_46)), List.of(
                new Model(OPUS_48, ANTHROPIC, "Claude Opus 4.8", null, OPUS_48_ALIASES),
                new Model(OPUS_47, ANTHROPIC, "Claude Opus 4.7"),
                new Model(SONNET_46, ANTHROPIC, "Claude Sonnet 4.6")), null, null, null, Optional.of("anthropic"));
        Provider openai = new Provider(OPENAI, "OpenAI", Optional.empty(), false, false, Map.of(),
                List.of(new Model(GPT_5, OPENAI, "GPT-5")), null, null, null, Optional.of("openai"));
        return new Catalog(List.of(anthropic, openai), taskClasses);
    }

    public static TaskClass taskClass(TaskClassId id, String name, FailoverMode failover, ModelId... route) {
        return new TaskClass(id, name, List.of(route), failover, Duration.ofMinutes(15), ConsentAnswer.DENY);
    }
}
