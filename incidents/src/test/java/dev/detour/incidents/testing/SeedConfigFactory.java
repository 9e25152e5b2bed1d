package dev.detour.incidents.testing;

import dev.detour.incidents.ClockFactory;
import dev.detour.incidents.FortyModelCatalog;
import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.DetectionSettings;
import dev.detour.incidents.catalog.PolicySettings;
import dev.detour.incidents.catalog.SecondApproverPolicy;
import dev.detour.incidents.catalog.MaintenancePolicy;
import dev.detour.incidents.catalog.Provider;
import dev.detour.incidents.catalog.DetourConfig;
import dev.detour.incidents.catalog.Sink;
import dev.detour.incidents.catalog.SlackSettings;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For persistence tests of the incidents module: the seed catalog as the configuration, and a clock the test
 * moves. Active only where a test sets {@code detour.test.seed=true}.
 */
@Factory
@Requires(property = SeedConfigFactory.ENABLED, value = "true")
public class SeedConfigFactory {
    public static final String ENABLED = "detour.test.seed";
    public static final String REAL_CLOCK = "detour.test.real-clock";

    /** A provider id whose signals switch its models off and on by themselves (auto-disable, auto-enable). */
    public static final String AUTOMATIC_PROVIDER = "detour.test.automatic-provider";

    /** A provider id whose planned work is routed around ({@code maintenance: pre-route}). */
    public static final String PRE_ROUTE_PROVIDER = "detour.test.pre-route-provider";

    /** {@code true}: the 40-model catalog ({@link FortyModelCatalog}) instead of the seed catalog. */
    public static final String FORTY_MODELS = "detour.test.forty-models";

    /**
     * A duration (ISO-8601, {@code PT20S}): the two-person rule on ({@code second-approver: provider}) with this
     * {@code approval-timeout}; unset, the defaults (off).
     */
    public static final String SECOND_APPROVER = "detour.test.second-approver";

    /** A webhook sink ({@code apps}, secret in {@code DETOUR_TEST_WEBHOOK_SECRET}) at this URL. */
    public static final String WEBHOOK_SINK = "detour.test.webhook-sink";
    /** A flagd file sink ({@code flagd}) at this path. */
    public static final String FILE_SINK = "detour.test.file-sink";
    /** A provider whose models come back through a ramp: steps 10, 50, 100, hold 1m, 20 requests. */
    public static final String STAGED_PROVIDER = "detour.test.staged-provider";

    /**
     * A LiteLLM sink ({@code gateway}, key in {@code DETOUR_TEST_LITELLM_KEY}) at this URL, mapping
     * claude-opus-4-8 to the deployments named {@code claude-opus-4-8} and {@code opus-48-eu}.
     */
    public static final String LITELLM_SINK = "detour.test.litellm-sink";

    /** The LiteLLM sink's {@code unblock-at} (default 100). */
    public static final String LITELLM_UNBLOCK_AT = "detour.test.litellm-unblock-at";

    /** Test properties for a context on {@code database} with the seed catalog, as strings (TestPropertyProvider). */
    public static Map<String, String> properties(Map<String, Object> database) {
        Map<String, String> properties = new HashMap<>();
        database.forEach((key, value) -> properties.put(key, String.valueOf(value)));
        properties.put(ENABLED, "true");
        return properties;
    }

    @Singleton
    public DetourConfig seedConfig(@Value("${" + AUTOMATIC_PROVIDER + ":}") String automaticProvider,
                                   @Value("${" + WEBHOOK_SINK + ":}") String webhook,
                                   @Value("${" + FILE_SINK + ":}") String file,
                                   @Value("${" + LITELLM_SINK + ":}") String liteLlm,
                                   @Value("${" + LITELLM_UNBLOCK_AT + ":100}") int unblockAt,
                                   @Value("${" + FORTY_MODELS + ":false}") boolean fortyModels,
                                   @Value("${" + SECOND_APPROVER + ":}") String secondApprover,
                                   @Value("${" + STAGED_PROVIDER + ":}") String stagedProvider,
                                   @Value("${" + PRE_ROUTE_PROVIDER + ":}") String preRouteProvider) {
        List<Sink> sinks = new java.util.ArrayList<>();
        if (!webhook.isEmpty()) {
            sinks.add(new Sink.Webhook("apps", java.net.URI.create(webhook), "DETOUR_TEST_WEBHOOK_SECRET"));
        }
        if (!file.isEmpty()) {
            sinks.add(new Sink.FlagdFile("flagd", java.nio.file.Path.of(file)));
        }
        if (!liteLlm.isEmpty()) {
            sinks.add(new Sink.LiteLlm("gateway", java.net.URI.create(liteLlm), "DETOUR_TEST_LITELLM_KEY",
                    java.util.Map.of(dev.detour.incidents.SeedCatalog.OPUS_48, List.of("claude-opus-4-8", "opus-48-eu")),
                    unblockAt));
        }
        Catalog catalog = fortyModels ? FortyModelCatalog.catalog()
                : SeedCatalog.withStaged(SeedCatalog.withAutomatic(automaticProvider), stagedProvider);
        catalog = new Catalog(catalog.providers().stream().map(p -> p.id().value().equals(preRouteProvider)
                ? new Provider(p.id(), p.name(), p.statusPage(), p.autoDisable(), p.autoEnable(), p.components(),
                p.models(), p.publicName(), p.recovery(), MaintenancePolicy.PRE_ROUTE) : p).toList(),
                catalog.taskClasses());
        return new DetourConfig(catalog,
                new SlackSettings("C0INCIDENTS", "C0SUPPORT", "C0MANAGERS", List.of("U0ALICE", "S0ONCALL")),
                DetectionSettings.DEFAULTS, sinks, secondApprover.isEmpty() ? PolicySettings.DEFAULTS
                : new PolicySettings(PolicySettings.DEFAULTS.confirm(), SecondApproverPolicy.PROVIDER,
                java.time.Duration.parse(secondApprover)), "seed catalog (tests)");
    }

    /** Tests of signed Slack requests keep the real clock ({@code detour.test.real-clock=true}): Bolt reads it. */
    @Singleton
    @Replaces(value = Clock.class, factory = ClockFactory.class)
    @Requires(property = REAL_CLOCK, notEquals = "true")
    public MovableClock movableClock() {
        return new MovableClock();
    }
}
