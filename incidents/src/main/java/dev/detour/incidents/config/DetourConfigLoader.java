package dev.detour.incidents.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.ConfirmPolicy;
import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.DetectionSettings;
import dev.detour.incidents.catalog.DetourConfig;
import dev.detour.incidents.catalog.FailoverMode;
import dev.detour.incidents.catalog.MaintenancePolicy;
import dev.detour.incidents.catalog.Model;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Provider;
import dev.detour.incidents.catalog.PolicySettings;
import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.catalog.PublicName;
import dev.detour.incidents.catalog.RecoveryMode;
import dev.detour.incidents.catalog.RecoveryPolicy;
import dev.detour.incidents.catalog.SecondApproverPolicy;
import dev.detour.incidents.catalog.Sink;
import dev.detour.incidents.catalog.SlackSettings;
import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.catalog.TaskClassId;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the YAML config of docs/configuration.md into immutable records and checks it completely. The first problem found is
 * a {@link ConfigException} naming the file, the line and what is wrong.
 */
public final class DetourConfigLoader {
    private static final Set<String> TOP_KEYS = Set.of("detour");
    private static final Set<String> DETOUR_KEYS = Set.of("providers", "task-classes", "slack", "detection", "sinks",
            "policy");
    private static final Set<String> WEBHOOK_KEYS = Set.of("name", "type", "url", "secret-env");
    private static final Set<String> FILE_KEYS = Set.of("name", "type", "path", "mode");
    private static final Set<String> LITELLM_KEYS = Set.of("name", "type", "url", "secret-env", "models",
            "unblock-at");
    private static final Pattern OCTAL_MODE = Pattern.compile("0?[0-7]{3}");
    private static final Set<String> PROVIDER_KEYS = Set.of("id", "name", "public-name", "status-page",
            "auto-disable", "auto-enable", "components", "models", "recovery", "maintenance",
            "statusgator");
    private static final Set<String> MODEL_KEYS = Set.of("id", "name", "public-name", "recovery", "aliases");
    private static final Set<String> RECOVERY_KEYS = Set.of("mode", "steps", "hold", "min-requests");
    /** The longest alias: model names as providers spell them are short. */
    static final int ALIAS_LENGTH = 200;
    private static final Set<String> TASK_CLASS_KEYS = Set.of("id", "name", "route", "failover", "consent-timeout",
            "on-timeout", "customer-impact", "fallback-note");
    /** The longest {@code customer-impact} or {@code fallback-note}: a sentence or two for a support post. */
    static final int CUSTOMER_TEXT = 500;
    private static final Set<String> SLACK_KEYS = Set.of("incident-channel", "support-channel", "summary-channel",
            "on-call");
    private static final Set<String> DETECTION_KEYS = Set.of("window", "min-requests", "open-error-rate",
            "close-error-rate", "p95-latency-ms", "quiet-before-recovery");

    private static final Set<String> POLICY_KEYS = Set.of("confirm", "second-approver", "approval-timeout",
            "second-approver-above");

    private final YAMLFactory yaml = new YAMLFactory();
    private final ObjectMapper mapper = new ObjectMapper(yaml);

    /** @throws ConfigException naming {@code file} as given, the line and the first problem */
    public DetourConfig load(Path file) {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new ConfigException(source, 0, "the config file is a directory");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(source, 0, "the config file does not exist");
        } catch (AccessDeniedException e) {
            throw new ConfigException(source, 0, "the config file cannot be read: permission denied");
        } catch (CharacterCodingException e) {
            throw new ConfigException(source, 0, "the config file is not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(source, 0, "the config file cannot be read: " + e.getMessage());
        }
        return load(source, text);
    }

    /**
     * @param source what to call the text in messages: a file name, or a resource description
     * @throws ConfigException naming {@code source}, the line and the first problem
     */
    public DetourConfig load(String source, String text) {
        // The streaming pass first: it reports syntax errors with SnakeYAML's own explanation.
        YamlLines lines = YamlLines.read(yaml, source, text);
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ConfigException(source, line, "not valid YAML: " + e.getOriginalMessage().lines()
                    .findFirst().orElse("syntax error"));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new ConfigException(source, 0, "the file is empty; it needs a top-level 'detour:' key");
        }
        ConfigNode detour = ConfigNode.root(root, source, lines).expectMapping(TOP_KEYS).child("detour");
        if (!detour.isPresent()) {
            throw detour.problem("the top-level key 'detour' is " + (root.has("detour") ? "empty" : "missing"));
        }
        detour.expectMapping(DETOUR_KEYS);
        List<Provider> providers = providers(detour.child("providers"));
        Map<ModelId, ProviderId> models = new LinkedHashMap<>();
        providers.forEach(provider -> provider.models().forEach(model -> models.put(model.id(), provider.id())));
        Catalog catalog = new Catalog(providers, taskClasses(detour.child("task-classes"), models));
        return new DetourConfig(catalog, slack(detour.child("slack")), detection(detour.child("detection")),
                sinks(detour.child("sinks"), models.keySet()), policy(detour.child("policy")), source);
    }

    private static List<Provider> providers(ConfigNode list) {
        List<ConfigNode> entries = list.elements();
        if (entries.isEmpty()) {
            throw list.problem("detour.providers needs at least one provider with its models");
        }
        Map<String, ConfigNode> providerIds = new HashMap<>();
        Map<String, ConfigNode> modelIds = new HashMap<>();
        Map<String, Claim> aliases = new HashMap<>();
        Map<String, ConfigNode> statusGatorSlugs = new HashMap<>();
        List<Provider> providers = new ArrayList<>();
        for (ConfigNode entry : entries) {
            entry.expectMapping(PROVIDER_KEYS);
            ConfigNode idNode = entry.child("id");
            ProviderId id = idNode.id(ProviderId::of);
            unique("provider", id.value(), idNode, providerIds);
            RecoveryPolicy recovery = recovery(entry.child("recovery"), "provider '" + id + "'",
                    RecoveryPolicy.AT_ONCE);
            List<Model> models = new ArrayList<>();
            for (ConfigNode modelEntry : entry.child("models").elements()) {
                modelEntry.expectMapping(MODEL_KEYS);
                ConfigNode modelIdNode = modelEntry.child("id");
                ModelId modelId = modelIdNode.id(ModelId::of);
                unique("model", modelId.value(), modelIdNode, modelIds);
                String modelName = modelEntry.child("name").optionalText().orElse(null);
                ConfigNode modelRecovery = modelEntry.child("recovery");
                models.add(new Model(modelId, id, modelName, publicName(modelEntry.child("public-name"),
                        "model '" + modelId + "'", "a backup AI model"), modelRecovery.isPresent()
                        ? Optional.of(recovery(modelRecovery, "model '" + modelId + "'", recovery))
                        : Optional.empty(), aliases(modelEntry.child("aliases"), modelId, aliases)));
            }
            if (models.isEmpty()) {
                throw entry.child("models").problem("provider '" + id + "' needs at least one model");
            }
            providers.add(new Provider(id, entry.child("name").optionalText().orElse(null),
                    statusPage(entry.child("status-page")), entry.child("auto-disable").bool(false),
                    entry.child("auto-enable").bool(false), components(entry.child("components"), id, models),
                    models, publicName(entry.child("public-name"), "provider '" + id + "'", "our AI provider"),
                    recovery,
                    word(entry.child("maintenance"), "maintenance policy", "provider '" + id + "'",
                            MaintenancePolicy.values(), MaintenancePolicy::word, MaintenancePolicy::fromWord,
                            MaintenancePolicy.ANNOUNCE),
                    statusGator(entry.child("statusgator"), id, statusGatorSlugs)));
        }
        for (Claim claim : aliases.values()) {
            ConfigNode owner = modelIds.get(claim.alias());
            if (owner != null && !claim.model().value().equals(claim.alias())) {
                throw claim.node().problem("alias '" + claim.alias() + "' of model '" + claim.model()
                        + "' is the id of another model (line " + owner.line() + ")");
            }
        }
        return providers;
    }

    /** Who claimed an alias first, and where. */
    private record Claim(String alias, ModelId model, ConfigNode node) {
    }

    /**
     * {@code aliases}: how providers spell a model, exact names or prefixes ending in {@code *}; no alias may
     * belong to two models (docs/configuration.md, "Model aliases").
     */
    private static List<String> aliases(ConfigNode list, ModelId model, Map<String, Claim> claimed) {
        if (!list.isPresent()) {
            return List.of();
        }
        if (list.isValue()) {
            throw list.problem("aliases of model '" + model + "' must be a list, like [\"" + model
                    + "-2026*\"]");
        }
        List<String> aliases = new ArrayList<>();
        for (ConfigNode element : list.elements()) {
            String alias = element.requiredText().strip();
            int star = alias.indexOf('*');
            if (alias.isEmpty() || alias.equals("*")) {
                throw element.problem("alias '" + alias + "' of model '" + model + "' would match every name");
            }
            if (star >= 0 && star != alias.length() - 1) {
                throw element.problem("alias '" + alias + "' of model '" + model + "' may have '*' only at its end"
                        + " (a prefix)");
            }
            if (alias.length() > ALIAS_LENGTH) {
                throw element.problem("alias of model '" + model + "' has " + alias.length()
                        + " characters; at most " + ALIAS_LENGTH);
            }
            Claim first = claimed.putIfAbsent(alias, new Claim(alias, model, element));
            if (first != null) {
                throw element.problem("alias '" + alias + "' is claimed by model '" + model + "' and by model '"
                        + first.model() + "' (line " + first.node().line() + "); an alias names one model");
            }
            aliases.add(alias);
        }
        return aliases;
    }

    /**
     * {@code recovery: { mode, steps, hold, min-requests }} (docs/recovery.md); a key left out takes the value of
     * {@code inherited} (the provider's policy for a model, the default for a provider).
     */
    private static RecoveryPolicy recovery(ConfigNode node, String owner, RecoveryPolicy inherited) {
        if (!node.isPresent()) {
            return inherited;
        }
        node.expectMapping(RECOVERY_KEYS);
        RecoveryMode mode = word(node.child("mode"), "recovery mode", owner, RecoveryMode.values(),
                RecoveryMode::word, RecoveryMode::fromWord, inherited.mode());
        ConfigNode stepsNode = node.child("steps");
        List<Integer> steps = new ArrayList<>();
        for (ConfigNode step : stepsNode.elements()) {
            long percent = step.wholeNumber(0);
            if (percent < 1 || percent > 100) {
                throw step.problem("recovery steps of " + owner + " are percentages from 1 to 100, not " + percent);
            }
            if (!steps.isEmpty() && percent <= steps.get(steps.size() - 1)) {
                throw step.problem("recovery steps of " + owner + " must increase: " + percent + " follows "
                        + steps.get(steps.size() - 1));
            }
            steps.add((int) percent);
        }
        if (!stepsNode.isPresent()) {
            steps = inherited.steps();
        } else if (steps.isEmpty() || steps.get(steps.size() - 1) != 100) {
            throw stepsNode.problem("recovery steps of " + owner + " must end at 100"
                    + (steps.isEmpty() ? " (the list is empty)" : ", not " + steps.get(steps.size() - 1)));
        }
        ConfigNode holdNode = node.child("hold");
        Duration hold = holdNode.duration(inherited.hold());
        if (hold.compareTo(RecoveryPolicy.MIN_HOLD) < 0) {
            throw holdNode.problem("recovery hold of " + owner + " must be at least 10s (a step needs time to"
                    + " gather evidence), not " + holdNode.optionalText().orElse(""));
        }
        ConfigNode minRequestsNode = node.child("min-requests");
        long minRequests = minRequestsNode.wholeNumber(inherited.minRequests());
        if (minRequests < 1 || minRequests > 1_000_000) {
            throw minRequestsNode.problem("recovery min-requests of " + owner + " must be from 1 to 1000000, not "
                    + minRequests);
        }
        return new RecoveryPolicy(mode, steps, hold, (int) minRequests);
    }

    /**
     * {@code public-name}: the name customers read, or {@code false} for neutral words; absent, the name.
     *
     * @param neutral what customers read instead, for the message
     * @return null when absent (the record takes its name)
     */
    private static PublicName publicName(ConfigNode node, String owner, String neutral) {
        if (!node.isPresent()) {
            return null;
        }
        if (node.isBoolean()) {
            if (node.bool(true)) {
                throw node.problem(node.key() + " of " + owner + " is true: give the name customers read, in"
                        + " quotes, or false to say '" + neutral + "'");
            }
            return PublicName.unnamed();
        }
        String text = customerText(node, owner);
        return PublicName.as(text);
    }

    /** A sentence for customers: one value, not blank, at most {@link #CUSTOMER_TEXT} characters. */
    private static String customerText(ConfigNode node, String owner) {
        if (!node.isText()) {
            throw node.problem(node.key() + " of " + owner + " must be text in quotes, not "
                    + (node.isValue() ? "'" + node.optionalText().orElse("") + "'" : "a list or mapping"));
        }
        String text = node.optionalText().orElse("").strip();
        if (text.isEmpty()) {
            throw node.problem(node.key() + " of " + owner + " is empty: write what customers read, or leave the key"
                    + " out");
        }
        if (text.length() > CUSTOMER_TEXT) {
            throw node.problem(node.key() + " of " + owner + " has " + text.length() + " characters; at most "
                    + CUSTOMER_TEXT);
        }
        return text;
    }

    private static Optional<String> optionalCustomerText(ConfigNode node, String owner) {
        return node.isPresent() ? Optional.of(customerText(node, owner)) : Optional.empty();
    }

    private static Optional<URI> statusPage(ConfigNode node) {
        return node.optionalText().map(text -> {
            try {
                URI uri = URI.create(text.trim());
                if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                    throw new IllegalArgumentException();
                }
                return uri;
            } catch (IllegalArgumentException e) {
                throw node.problem(node.name() + " must be an http(s) URL, not '" + text + "'");
            }
        });
    }

    private static Map<String, List<ModelId>> components(ConfigNode mapping, ProviderId provider, List<Model> models) {
        List<String> own = models.stream().map(model -> model.id().value()).toList();
        Map<String, List<ModelId>> components = new LinkedHashMap<>();
        for (ConfigNode component : mapping.entries()) {
            List<ModelId> covered = new ArrayList<>();
            for (ConfigNode model : component.elements()) {
                String id = model.requiredText();
                if (!own.contains(id)) {
                    throw model.problem("status-page component '" + component.key() + "' of provider '" + provider
                            + "' names unknown model '" + id + "'" + Suggestions.didYouMean(id, own));
                }
                covered.add(ModelId.of(id));
            }
            components.put(component.key(), covered);
        }
        return components;
    }

    private static List<TaskClass> taskClasses(ConfigNode list, Map<ModelId, ProviderId> models) {
        List<String> known = models.keySet().stream().map(ModelId::value).toList();
        Map<String, ConfigNode> ids = new HashMap<>();
        List<TaskClass> taskClasses = new ArrayList<>();
        for (ConfigNode entry : list.elements()) {
            entry.expectMapping(TASK_CLASS_KEYS);
            ConfigNode idNode = entry.child("id");
            TaskClassId id = idNode.id(TaskClassId::of);
            unique("task class", id.value(), idNode, ids);
            ConfigNode routeNode = entry.child("route");
            List<ModelId> route = new ArrayList<>();
            for (ConfigNode step : routeNode.elements()) {
                String model = step.requiredText();
                if (!known.contains(model)) {
                    throw step.problem("task class '" + id + "' routes to unknown model '" + model + "'"
                            + Suggestions.didYouMean(model, known));
                }
                if (route.contains(ModelId.of(model))) {
                    throw step.problem("task class '" + id + "' lists model '" + model + "' twice in its route");
                }
                route.add(ModelId.of(model));
            }
            if (route.isEmpty()) {
                throw (routeNode.isPresent() ? routeNode : entry).problem("task class '" + id
                        + "' has no models in its route");
            }
            FailoverMode failover = word(entry.child("failover"), "failover mode", "task class '" + id + "'",
                    FailoverMode.values(), FailoverMode::word, FailoverMode::fromWord, null);
            ConfigNode timeoutNode = entry.child("consent-timeout");
            Duration timeout = timeoutNode.duration(TaskClass.DEFAULT_CONSENT_TIMEOUT);
            if (timeout.isNegative() || timeout.isZero()) {
                throw timeoutNode.problem(timeoutNode.name() + " must be longer than zero");
            }
            ConsentAnswer onTimeout = word(entry.child("on-timeout"), "on-timeout answer",
                    "task class '" + id + "'", ConsentAnswer.values(), ConsentAnswer::word, ConsentAnswer::fromWord,
                    ConsentAnswer.DENY);
            taskClasses.add(new TaskClass(id, entry.child("name").optionalText().orElse(null), route, failover,
                    timeout, onTimeout, optionalCustomerText(entry.child("customer-impact"), "task class '" + id + "'"),
                    optionalCustomerText(entry.child("fallback-note"), "task class '" + id + "'")));
        }
        return taskClasses;
    }

    private static SlackSettings slack(ConfigNode slack) {
        if (!slack.isPresent()) {
            throw slack.problem("the 'slack' block is missing: it names the incident channel and the on-call list");
        }
        slack.expectMapping(SLACK_KEYS);
        String incidents = slack.child("incident-channel").requiredText();
        ConfigNode onCallNode = slack.child("on-call");
        List<String> onCall = onCallNode.elements().stream().map(ConfigNode::requiredText).toList();
        if (onCall.isEmpty()) {
            throw onCallNode.problem("slack.on-call is empty: name the Slack users (U...) and user groups (S...)"
                    + " who may change availability and routes");
        }
        return new SlackSettings(incidents, slack.child("support-channel").optionalText().orElse(incidents),
                slack.child("summary-channel").optionalText().orElse(incidents), onCall);
    }

    private static DetectionSettings detection(ConfigNode detection) {
        if (!detection.isPresent()) {
            return DetectionSettings.DEFAULTS;
        }
        detection.expectMapping(DETECTION_KEYS);
        DetectionSettings defaults = DetectionSettings.DEFAULTS;
        long minRequests = detection.child("min-requests").wholeNumber(defaults.minRequests());
        if (minRequests > Integer.MAX_VALUE) {
            throw detection.child("min-requests").problem("min-requests is too large");
        }
        try {
            return new DetectionSettings(detection.child("window").duration(defaults.window()), (int) minRequests,
                    detection.child("open-error-rate").number(defaults.openErrorRate()),
                    detection.child("close-error-rate").number(defaults.closeErrorRate()),
                    detection.child("p95-latency-ms").wholeNumber(defaults.p95LatencyMs()),
                    detection.child("quiet-before-recovery").duration(defaults.quietBeforeRecovery()));
        } catch (IllegalArgumentException e) {
            throw detection.problem("detection: " + e.getMessage());
        }
    }

    private static PolicySettings policy(ConfigNode policy) {
        PolicySettings defaults = PolicySettings.DEFAULTS;
        if (!policy.isPresent()) {
            return defaults;
        }
        policy.expectMapping(POLICY_KEYS);
        ConfirmPolicy confirm = word(policy.child("confirm"), "confirm policy",
                policy.child("confirm").name(),
                ConfirmPolicy.values(), ConfirmPolicy::word, ConfirmPolicy::fromWord, defaults.confirm());
        SecondApproverPolicy secondApprover = word(policy.child("second-approver"), "second-approver policy",
                policy.child("second-approver").name(), SecondApproverPolicy.values(), SecondApproverPolicy::word,
                SecondApproverPolicy::fromWord, defaults.secondApprover());
        ConfigNode timeoutNode = policy.child("approval-timeout");
        Duration timeout = timeoutNode.duration(defaults.approvalTimeout());
        if (timeout.isNegative() || timeout.isZero()) {
            throw timeoutNode.problem(timeoutNode.name() + " must be longer than zero");
        }
        ConfigNode aboveNode = policy.child("second-approver-above");
        OptionalInt above = OptionalInt.empty();
        if (aboveNode.isPresent()) {
            long n = aboveNode.wholeNumber(0);
            if (n < 0 || n > Integer.MAX_VALUE) {
                throw aboveNode.problem(aboveNode.name() + " must be a number of task classes (0 or more), not "
                        + n);
            }
            if (secondApprover == SecondApproverPolicy.NEVER) {
                throw aboveNode.problem(aboveNode.name()
                        + " needs second-approver: provider (with never, no switch-off waits for a second on-call member)");
            }
            above = OptionalInt.of((int) n);
        }
        return new PolicySettings(confirm, secondApprover, timeout, above);
    }

    private static List<Sink> sinks(ConfigNode list, Set<ModelId> knownModels) {
        List<Sink> sinks = new ArrayList<>();
        Map<String, ConfigNode> names = new HashMap<>();
        for (ConfigNode node : list.elements()) {
            ConfigNode typeNode = node.child("type");
            String type = typeNode.requiredText();
            String name = node.child("name").requiredText();
            unique("sink", name, node.child("name"), names);
            switch (type) {
                case "webhook" -> {
                    node.expectMapping(WEBHOOK_KEYS);
                    ConfigNode url = node.child("url");
                    URI uri = statusPage(url).orElseThrow(() -> url.problem("sink '" + name + "' needs a url"));
                    sinks.add(new Sink.Webhook(name, uri, secretEnv(node)));
                }
                case "litellm" -> {
                    node.expectMapping(LITELLM_KEYS);
                    ConfigNode url = node.child("url");
                    URI uri = statusPage(url).orElseThrow(() -> url.problem("sink '" + name + "' needs a url"));
                    sinks.add(new Sink.LiteLlm(name, uri, secretEnv(node),
                            liteLlmModels(name, node.child("models"), knownModels),
                            unblockAt(name, node.child("unblock-at"))));
                }
                case "flagd-file" -> {
                    node.expectMapping(FILE_KEYS);
                    sinks.add(new Sink.FlagdFile(name, java.nio.file.Path.of(node.child("path").requiredText()),
                            fileMode(node.child("mode"))));
                }
                default -> throw typeNode.problem("unknown sink type '" + type + "'"
                        + Suggestions.didYouMean(type, List.of("webhook", "flagd-file", "litellm"))
                        + "; types: webhook, flagd-file, litellm");
            }
        }
        return sinks;
    }

    private static String secretEnv(ConfigNode node) {
        String secretEnv = node.child("secret-env").requiredText();
        if (!secretEnv.matches("[A-Z_][A-Z0-9_]*")) {
            throw node.child("secret-env").problem("secret-env names an environment variable (like"
                    + " DETOUR_WEBHOOK_SECRET), not '" + secretEnv + "'");
        }
        return secretEnv;
    }

    /** The ramp share (percent) at which a LiteLLM sink unblocks a model coming back (docs/flags.md). */
    private static int unblockAt(String sink, ConfigNode node) {
        long percent = node.wholeNumber(Sink.LiteLlm.UNBLOCK_AT_END);
        if (percent < 1 || percent > 100) {
            throw node.problem("sink '" + sink + "': " + node.name() + " is the ramp's share in percent at which"
                    + " LiteLLM deployments are unblocked, from 1 to 100, not " + percent);
        }
        return (int) percent;
    }

    /** Detour model id -> LiteLLM {@code model_name} or {@code model_info.id} values; every key a model of the catalog. */
    private static Map<ModelId, List<String>> liteLlmModels(String sink, ConfigNode models, Set<ModelId> known) {
        if (!models.isPresent() || models.entries().isEmpty()) {
            throw models.problem("sink '" + sink + "' needs models: a mapping of Detour model ids to LiteLLM"
                    + " model_name or model_info.id values");
        }
        Map<ModelId, List<String>> mapped = new LinkedHashMap<>();
        for (ConfigNode entry : models.entries()) {
            String key = entry.key();
            if (known.stream().noneMatch(model -> model.value().equals(key))) {
                throw entry.problem("sink '" + sink + "' maps unknown model '" + key + "'"
                        + Suggestions.didYouMean(key, known.stream().map(ModelId::value).toList())
                        + "; models: " + String.join(", ", known.stream().map(ModelId::value).sorted().toList()));
            }
            List<String> deployments = new ArrayList<>();
            if (entry.isValue()) {
                deployments.add(entry.requiredText());
            } else {
                for (ConfigNode value : entry.elements()) {
                    deployments.add(value.requiredText());
                }
            }
            if (deployments.isEmpty()) {
                throw entry.problem(entry.name() + " must list at least one LiteLLM model_name or model_info.id");
            }
            mapped.put(ModelId.of(key), deployments);
        }
        return mapped;
    }

    /** An octal mode like {@code "0644"}, quoted: unquoted, YAML reads 0644 as the number 420 and 644 as 644. */
    private static Set<PosixFilePermission> fileMode(ConfigNode mode) {
        if (!mode.isPresent()) {
            return Sink.FlagdFile.DEFAULT_PERMISSIONS;
        }
        if (!mode.isText()) {
            throw mode.problem(mode.name() + " must be an octal mode in quotes, like \"0644\" (unquoted, YAML reads"
                    + " it as a number), not " + mode.optionalText().orElse(""));
        }
        String text = mode.requiredText();
        if (!OCTAL_MODE.matcher(text).matches()) {
            throw mode.problem(mode.name() + " must be an octal file mode like \"0644\" or \"0640\", not '"
                    + text + "'");
        }
        int bits = Integer.parseInt(text, 8);
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        // PosixFilePermission lists owner read first and others execute last: bit 8 down to bit 0.
        PosixFilePermission[] order = PosixFilePermission.values();
        for (int i = 0; i < order.length; i++) {
            if ((bits & (1 << (order.length - 1 - i))) != 0) {
                permissions.add(order[i]);
            }
        }
        return permissions;
    }

    /** A provider's StatusGator service slug: one provider per slug (docs/configuration.md). */
    private static Optional<String> statusGator(ConfigNode node, ProviderId provider, Map<String, ConfigNode> seen) {
        Optional<String> slug = node.optionalText().map(String::trim);
        if (slug.isEmpty()) {
            return Optional.empty();
        }
        if (slug.get().isEmpty()) {
            throw node.problem("statusgator of provider '" + provider + "' is empty; give StatusGator's service slug");
        }
        ConfigNode first = seen.putIfAbsent(slug.get(), node);
        if (first != null) {
            throw node.problem("StatusGator slug '" + slug.get() + "' of provider '" + provider
                    + "' is already the slug of another provider (line " + first.line() + ")");
        }
        return slug;
    }

    private static void unique(String kind, String id, ConfigNode node, Map<String, ConfigNode> seen) {
        ConfigNode first = seen.putIfAbsent(id, node);
        if (first != null) {
            throw node.problem("duplicate " + kind + " id '" + id + "' (first defined at line " + first.line() + ")");
        }
    }

    /** Reads one of a closed set of words; {@code fallback} null means the word is required. */
    private static <T> T word(ConfigNode node, String what, String owner, T[] values,
                              Function<T, String> toWord,
                              Function<String, Optional<T>> fromWord, T fallback) {
        Optional<String> text = node.optionalText();
        List<String> words = Arrays.stream(values).map(toWord).toList();
        String expected = words.stream().collect(Collectors.joining(", "));
        if (text.isEmpty()) {
            if (fallback != null) {
                return fallback;
            }
            throw node.problem(owner + " needs a " + what + " (" + expected + ")");
        }
        return fromWord.apply(text.get()).orElseThrow(() -> node.problem("unknown " + what + " '" + text.get()
                + "' for " + owner + " (expected " + expected + ")" + Suggestions.didYouMean(text.get(), words)));
    }
}
