package dev.detour.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.detour.bot.testing.RepositoryRoot;
import dev.detour.incidents.catalog.DetourConfig;
import dev.detour.incidents.config.DetourConfigLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The files in deploy/ agree with each other and with Detour, checked without Docker or kubectl: what the
 * Deployment runs is what the Dockerfile builds and docs/deploy.md tells people to build, on the port it
 * exposes, with the config Detour's own loader accepts.
 */
class DeployManifestsTest {
    private static final Path ROOT = RepositoryRoot.find();
    private static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> SECRET_VARIABLES = Set.of("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET",
            "SLACK_APP_TOKEN", "DETOUR_API_TOKEN", "DETOUR_SIGNAL_TOKEN", "DATASOURCES_DEFAULT_USERNAME",
            "DATASOURCES_DEFAULT_PASSWORD", "DETOUR_WEBHOOK_SECRET");

    private final Map<String, JsonNode> objects = kubernetesObjects();
    private final JsonNode deployment = only("Deployment");
    private final JsonNode pod = deployment.path("spec").path("template");
    private final JsonNode container = pod.path("spec").path("containers").path(0);
    private final List<String> dockerfile = dockerInstructions(ROOT.resolve("deploy/Dockerfile"));

    @Test
    void everyKubernetesFileParsesAndEachObjectHasApiVersionKindAndName() throws IOException {
        List<Path> files = kubernetesFiles();
        assertTrue(files.size() >= 6, "manifests in " + KUBERNETES + ": " + files);
        for (Path file : files) {
            List<JsonNode> documents = documents(file);
            assertFalse(documents.isEmpty(), file + " holds no object");
            for (JsonNode object : documents) {
                for (String field : List.of("apiVersion", "kind")) {
                    assertTrue(object.path(field).isTextual(), file + " lacks " + field);
                }
                assertTrue(object.path("metadata").path("name").isTextual(), file + " lacks metadata.name");
            }
        }
    }

    @Test
    void theKustomizationAppliesEveryManifestButTheSecretTemplate() throws IOException {
        Set<String> listed = new TreeSet<>();
        only("Kustomization").path("resources").forEach(resource -> listed.add(resource.asText()));
        Set<String> expected = new TreeSet<>();
        for (Path file : kubernetesFiles()) {
            String kind = documents(file).get(0).path("kind").asText();
            if (!kind.equals("Kustomization") && !kind.equals("Secret")) {
                expected.add(file.getFileName().toString());
            }
        }
        assertEquals(expected, listed);
    }

    @Test
    void theDeploymentRunsTwoReplicasWithResourceRequestsAndAMemoryLimit() {
        assertEquals(2, deployment.path("spec").path("replicas").asInt());
        JsonNode resources = container.path("resources");
        assertTrue(resources.path("requests").has("cpu"), "cpu request");
        assertTrue(resources.path("requests").has("memory"), "memory request");
        assertEquals("512Mi", resources.path("limits").path("memory").asText());
    }

    @Test
    void readinessAndLivenessProbesAskHealthOnTheHttpPort() {
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            JsonNode get = container.path(probe).path("httpGet");
            assertTrue(get.path("path").asText().startsWith("/health"), probe + " path: " + get.path("path"));
            assertEquals(containerPort(), resolvePort(get.path("port")), probe + " port");
        }
        // Neither includes the database: an outage must neither take every pod out of the Service (apps would
        // lose their flags, which each pod serves from memory) nor restart them in a loop. /health has it all.
        assertEquals("/health/readiness", container.path("readinessProbe").path("httpGet").path("path").asText());
        assertEquals("/health/readiness", container.path("startupProbe").path("httpGet").path("path").asText());
        assertEquals("/health/liveness", container.path("livenessProbe").path("httpGet").path("path").asText());
    }

    @Test
    void theIngressReachesSlackThePublicStatusPageItsJsonAndFeedAndThePublicUrlNamesItsHost() {
        JsonNode ingress = only("Ingress");
        JsonNode rule = ingress.path("spec").path("rules").get(0);
        List<String> reached = new ArrayList<>();
        for (String path : List.of("/slack/events", "/status", "/status.json", "/status/feed.atom",
                "/status/subscribe", "/status/unsubscribe", "/signals/statuspage/anthropic")) {
            for (JsonNode rulePath : rule.path("http").path("paths")) {
                String prefix = rulePath.path("path").asText();
                // Kubernetes' Prefix matches whole path elements: /status matches /status/x, not /status.json.
                boolean matches = rulePath.path("pathType").asText().equals("Exact") ? path.equals(prefix)
                        : path.equals(prefix) || path.startsWith(prefix + "/");
                JsonNode backend = rulePath.path("backend").path("service");
                if (matches && backend.path("name").asText().equals("detour")) {
                    reached.add(path);
                    break;
                }
            }
        }
        assertEquals(List.of("/slack/events", "/status", "/status.json", "/status/feed.atom", "/status/subscribe",
                "/status/unsubscribe", "/signals/statuspage/anthropic"), reached);
        for (JsonNode rulePath : rule.path("http").path("paths")) {
            assertFalse(rulePath.path("path").asText().startsWith("/api"), "the API stays inside the cluster");
        }
        assertEquals("https://" + rule.path("host").asText(), env("DETOUR_STATUS_PUBLIC_URL").path("value").asText());
    }

    @Test
    void theContainerPortIsTheOneTheDockerfileExposes() {
        assertEquals(List.of("EXPOSE 8080"), instructions("EXPOSE"));
        assertEquals(8080, containerPort());
        assertEquals("8080", pod.path("metadata").path("annotations").path("prometheus.io/port").asText());
    }

    @Test
    void theImageIsTheOneDocsDeployBuilds() throws IOException {
        String image = container.path("image").asText();
        assertFalse(image.isEmpty(), "the container names an image");
        String docs = Files.readString(ROOT.resolve("docs/deploy.md"));
        Matcher build = Pattern.compile("docker build -f deploy/Dockerfile -t (\\S+) \\.").matcher(docs);
        assertTrue(build.find(), "docs/deploy.md shows the docker build command");
        assertEquals(image, build.group(1));
        assertTrue(Files.readString(ROOT.resolve("deploy/Dockerfile")).contains("-t " + image + " ."),
                "the Dockerfile's own comment builds the same image");
    }

    @Test
    void theDatabaseIsPostgresqlAndEverySecretComesFromTheSecret() {
        assertTrue(env("DATASOURCES_DEFAULT_URL").path("value").asText().startsWith("jdbc:postgresql://"),
                "DATASOURCES_DEFAULT_URL: " + env("DATASOURCES_DEFAULT_URL"));
        JsonNode secret = only("Secret");
        String secretName = secret.path("metadata").path("name").asText();
        Set<String> templateKeys = new TreeSet<>();
        secret.path("stringData").fieldNames().forEachRemaining(templateKeys::add);

        assertTrue(container.path("envFrom").isMissingNode(), "each secret is named, none comes in unseen");
        for (String variable : SECRET_VARIABLES) {
            JsonNode entry = env(variable);
            assertFalse(entry.has("value"), variable + " must not be written into the Deployment");
            JsonNode ref = entry.path("valueFrom").path("secretKeyRef");
            assertEquals(secretName, ref.path("name").asText(), variable + " comes from the Secret");
            assertEquals(variable, ref.path("key").asText(), variable + " has the key of its own name");
            if (!ref.path("optional").asBoolean(false)) {
                assertTrue(templateKeys.contains(variable), "the Secret template has the required " + variable);
            }
        }
        assertEquals("detour", secret.path("metadata").path("namespace").asText());
    }

    @Test
    void thePodRunsAsTheImagesNonRootUserWithAReadOnlyRootFileSystem() {
        JsonNode podSecurity = pod.path("spec").path("securityContext");
        assertTrue(podSecurity.path("runAsNonRoot").asBoolean(), "runAsNonRoot");
        assertEquals(List.of("USER 10001:10001"), instructions("USER"));
        assertEquals(10001, podSecurity.path("runAsUser").asInt());
        JsonNode containerSecurity = container.path("securityContext");
        assertTrue(containerSecurity.path("readOnlyRootFilesystem").asBoolean(), "readOnlyRootFilesystem");
        assertFalse(containerSecurity.path("allowPrivilegeEscalation").asBoolean(true), "no privilege escalation");
        Set<String> mounts = new TreeSet<>();
        container.path("volumeMounts").forEach(mount -> mounts.add(mount.path("mountPath").asText()));
        assertTrue(mounts.contains("/tmp"), "a writable /tmp: " + mounts);
        assertTrue(pod.path("spec").path("terminationGracePeriodSeconds").asInt() >= 30, "time to drain");
    }

    @Test
    void thePodDisruptionBudgetKeepsOneOfTheDeploymentsPods() {
        JsonNode budget = only("PodDisruptionBudget");
        assertEquals(1, budget.path("spec").path("minAvailable").asInt());
        assertEquals(podLabels(), labels(budget.path("spec").path("selector").path("matchLabels")));
        assertEquals(labels(deployment.path("spec").path("selector").path("matchLabels")), podLabels());
    }

    @Test
    void theServiceTargetsTheDeploymentsPodsOnTheContainerPort() {
        JsonNode service = only("Service");
        assertEquals(podLabels(), labels(service.path("spec").path("selector")));
        JsonNode port = service.path("spec").path("ports").path(0);
        assertEquals(containerPort(), resolvePort(port.path("targetPort")));
    }

    @Test
    void theConfigMapHoldsAConfigDetourAcceptsWhereDetourLooksForIt() {
        JsonNode configMap = only("ConfigMap");
        String text = configMap.path("data").path("detour.yml").asText();
        DetourConfig config = new DetourConfigLoader().load("configmap.yaml detour.yml", text);
        assertFalse(config.catalog().taskClasses().isEmpty(), "the config has task classes");

        String volume = null;
        for (JsonNode candidate : pod.path("spec").path("volumes")) {
            if (candidate.path("configMap").path("name").asText().equals(configMap.path("metadata").path("name")
                    .asText())) {
                volume = candidate.path("name").asText();
            }
        }
        assertTrue(volume != null, "a volume holds the ConfigMap");
        String mountPath = null;
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("name").asText().equals(volume)) {
                mountPath = mount.path("mountPath").asText();
            }
        }
        assertEquals(mountPath + "/detour.yml", env("DETOUR_CONFIG").path("value").asText());
    }

    @Test
    void theDockerfileBuildsWithTheWrapperInTwoStagesAndChecksHealth() {
        List<String> from = instructions("FROM");
        assertEquals(2, from.size(), "a build stage and a run stage: " + from);
        assertTrue(from.get(0).startsWith("FROM eclipse-temurin:17-jdk AS "), from.get(0));
        assertEquals("FROM eclipse-temurin:25-jre", from.get(1), "the JRE that records and uses an AOT cache");
        assertTrue(instructions("RUN").stream().anyMatch(run -> run.contains("./mvnw -B -q package")),
                "builds with the Maven wrapper");
        int runStage = dockerfile.indexOf(from.get(1));
        assertTrue(dockerfile.subList(runStage, dockerfile.size()).stream().anyMatch(instruction ->
                        instruction.startsWith("RUN ") && instruction.matches(".*apt-get install [^&]* curl\\b.*")),
                "the run stage installs curl, which the HEALTHCHECK and record-cds.sh use and the Temurin images "
                        + "no longer ship from Java 22 on");
        List<String> healthcheck = instructions("HEALTHCHECK");
        assertEquals(1, healthcheck.size());
        assertTrue(healthcheck.get(0).contains("/health/readiness\""), healthcheck.get(0));
        List<String> entrypoint = instructions("ENTRYPOINT");
        assertEquals(1, entrypoint.size());
        List<String> memory = readmeJvmFlags();
        assertTrue(memory.stream().anyMatch(flag -> flag.startsWith("-Xmx")), "README.md's heap is explicit");
        memory.forEach(flag -> assertTrue(entrypoint.get(0).contains("\"" + flag + "\""),
                "the image runs with README.md's JVM flag " + flag + ": " + entrypoint.get(0)));
        assertTrue(entrypoint.get(0).endsWith("\"-jar\", \"/app/detour.jar\"]"), entrypoint.get(0));
        String record = instructions("RUN").stream()
                .filter(run -> run.startsWith("RUN sh /tmp/record-cds.sh /app/detour.jar /app/detour.aot ")).findFirst()
                .orElseThrow(() -> new AssertionError("the AOT cache is recorded from a start-up "
                        + "(deploy/record-cds.sh), with the image's own JVM and jar"));
        memory.stream().filter(flag -> !flag.equals("-XX:+ExitOnOutOfMemoryError")).forEach(flag ->
                assertTrue(record.contains(" " + flag + " "),
                        "the cache is recorded with the image's JVM flag " + flag + ": " + record));
        assertTrue(dockerfile.contains("COPY deploy/record-cds.sh /tmp/record-cds.sh"), "the script goes in");
        assertTrue(Files.isExecutable(ROOT.resolve("deploy/record-cds.sh")), "bench/startup.sh runs it too");
        assertTrue(entrypoint.get(0).contains("\"-XX:AOTCache=/app/detour.aot\""),
                "and used at every start: " + entrypoint.get(0));
        assertTrue(dockerfile.contains("ENV DETOUR_CONFIG=/etc/detour/detour.yml"), "DETOUR_CONFIG is set");
    }

    /** The options of README.md's {@code java ... -jar bot/target/detour.jar} that serves. */
    private static List<String> readmeJvmFlags() {
        try {
            Matcher run = Pattern.compile("java ((?:-\\S+ )+)-jar bot/target/detour\\.jar(?: [a-z-]+)*\\n")
                    .matcher(Files.readString(ROOT.resolve("README.md")));
            assertTrue(run.find(), "README.md runs the jar with JVM options");
            return List.of(run.group(1).trim().split(" "));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void prometheusScrapesMetricsOfTheDeploymentsPods() {
        JsonNode prometheus = read(ROOT.resolve("deploy/prometheus/prometheus.yml"));
        JsonNode jobs = prometheus.path("scrape_configs");
        assertTrue(jobs.size() > 0, "scrape jobs");
        jobs.forEach(job -> assertEquals("/metrics", job.path("metrics_path").asText(), job.path("job_name").asText()));
        JsonNode annotations = pod.path("metadata").path("annotations");
        assertEquals("true", annotations.path("prometheus.io/scrape").asText());
        assertEquals("/metrics", annotations.path("prometheus.io/path").asText());
    }

    @Test
    void alertmanagerPostsToTheAlertmanagerSignalWithABearerToken() {
        JsonNode alertmanager = read(ROOT.resolve("deploy/prometheus/alertmanager.yml"));
        List<JsonNode> webhooks = new ArrayList<>();
        alertmanager.path("receivers").forEach(receiver -> receiver.path("webhook_configs").forEach(webhooks::add));
        assertEquals(1, webhooks.size(), "one webhook receiver");
        JsonNode webhook = webhooks.get(0);
        assertTrue(webhook.path("url").asText().endsWith("/signals/alertmanager"), webhook.path("url").asText());
        assertTrue(webhook.path("send_resolved").asBoolean(), "resolved alerts clear the signal");
        JsonNode authorization = webhook.path("http_config").path("authorization");
        assertEquals("Bearer", authorization.path("type").asText());
        assertTrue(authorization.has("credentials_file") || authorization.has("credentials"), "a token");
    }

    @Test
    void theExampleAlertRulesCarryTheProviderOrModelLabelDetourReads() {
        JsonNode rules = read(ROOT.resolve("deploy/prometheus/detour-alerts.yml"));
        Pattern grouping = Pattern.compile("by \\(([^)]*)\\)");
        int signalRules = 0;
        for (JsonNode group : rules.path("groups")) {
            if (!group.path("name").asText().equals("detour-signals")) {
                continue;
            }
            for (JsonNode rule : group.path("rules")) {
                signalRules++;
                Matcher by = grouping.matcher(rule.path("expr").asText());
                Set<String> kept = by.find() ? Set.of(by.group(1).replace(" ", "").split(",")) : Set.of();
                assertTrue(kept.contains("provider") || kept.contains("model"), rule.path("alert").asText()
                        + " keeps the provider or model label: " + kept);
                assertTrue(rule.path("labels").has("severity"), rule.path("alert").asText() + " has a severity");
            }
        }
        assertTrue(signalRules > 0, "example rules for Detour's signals");
    }

    @Test
    void theAlertRulesForDetourItselfAskEachPartOfHealthWithMetricsDocsMetricsDescribes() throws IOException {
        JsonNode rules = read(ROOT.resolve("deploy/prometheus/detour-alerts.yml"));
        String metricsDoc = Files.readString(ROOT.resolve("docs/metrics.md"));
        Pattern metric = Pattern.compile("detour_[a-z_]+");
        Set<String> asked = new TreeSet<>();
        for (JsonNode group : rules.path("groups")) {
            if (!group.path("name").asText().equals("detour-itself")) {
                continue;
            }
            for (JsonNode rule : group.path("rules")) {
                String expr = rule.path("expr").asText();
                Matcher names = metric.matcher(expr);
                while (names.find()) {
                    assertTrue(metricsDoc.contains("`" + names.group() + "`"), names.group() + " in docs/metrics.md");
                }
                Matcher parts = Pattern.compile("part=\"([a-z_]+)\"").matcher(expr);
                while (parts.find()) {
                    asked.add(parts.group(1));
                }
                if (expr.contains("detour_job_up")) {
                    asked.add("jobs");
                }
                assertFalse(rule.path("labels").has("provider") || rule.path("labels").has("model"),
                        "Detour's own alerts must not be routed to Detour: " + rule.path("alert").asText());
            }
        }
        assertEquals(Set.of("database", "jobs", "slack_delivery"), asked);
    }

    @Test
    void theReadmeLinksTheDeploymentGuide() throws IOException {
        assertTrue(Files.readString(ROOT.resolve("README.md")).contains("(docs/deploy.md)"));
    }


    private static List<Path> kubernetesFiles() throws IOException {
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            return files.filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .sorted().collect(Collectors.toList());
        }
    }

    /** Every object of every manifest by kind; a kind that appears twice is an error of this test's reading. */
    private static Map<String, JsonNode> kubernetesObjects() {
        Map<String, JsonNode> byKind = new LinkedHashMap<>();
        try {
            for (Path file : kubernetesFiles()) {
                for (JsonNode object : documents(file)) {
                    JsonNode earlier = byKind.put(object.path("kind").asText(), object);
                    assertTrue(earlier == null, "one " + object.path("kind").asText() + " only, again in " + file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byKind;
    }

    /** Every YAML document of a file (files may hold several, separated by ---); empty documents skipped. */
    private static List<JsonNode> documents(Path file) {
        try {
            List<JsonNode> documents = new ArrayList<>();
            MappingIterator<JsonNode> parsed = YAML.readerFor(JsonNode.class).readValues(file.toFile());
            for (JsonNode document : parsed.readAll()) {
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new AssertionError(file + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    private static JsonNode read(Path file) {
        List<JsonNode> documents = documents(file);
        assertEquals(1, documents.size(), file + " holds one document");
        return documents.get(0);
    }

    private JsonNode only(String kind) {
        return Optional.ofNullable(objects.get(kind)).orElseGet(() -> fail("no " + kind + " in " + KUBERNETES));
    }

    private JsonNode env(String name) {
        for (JsonNode entry : container.path("env")) {
            if (entry.path("name").asText().equals(name)) {
                return entry;
            }
        }
        return fail("the container sets no " + name);
    }

    private int containerPort() {
        JsonNode ports = container.path("ports");
        assertEquals(1, ports.size(), "one container port");
        return ports.path(0).path("containerPort").asInt();
    }

    /** A probe's or Service's port: a number, or the name of a container port. */
    private int resolvePort(JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        for (JsonNode candidate : container.path("ports")) {
            if (candidate.path("name").asText().equals(port.asText())) {
                return candidate.path("containerPort").asInt();
            }
        }
        return fail("no container port named " + port);
    }

    private Map<String, String> podLabels() {
        Map<String, String> labels = labels(pod.path("metadata").path("labels"));
        assertFalse(labels.isEmpty(), "the pods have labels");
        return labels;
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> labels.put(field.getKey(), field.getValue().asText()));
        return labels;
    }

    private List<String> instructions(String keyword) {
        return dockerfile.stream().filter(line -> line.startsWith(keyword + " ")).collect(Collectors.toList());
    }

    /** The Dockerfile's instructions, one string each: comments dropped, continued lines joined. */
    private static List<String> dockerInstructions(Path file) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        try {
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.strip();
                if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.length() == 0)) {
                    continue;
                }
                boolean continued = trimmed.endsWith("\\");
                current.append(continued ? trimmed.substring(0, trimmed.length() - 1).strip() : trimmed);
                if (continued) {
                    current.append(' ');
                } else {
                    instructions.add(current.toString().replaceAll("\\s+", " "));
                    current.setLength(0);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertNotEquals(0, instructions.size(), file + " has instructions");
        return instructions;
    }
}
