package dev.detour.bot.config;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import dev.detour.bot.architecture.DetourClasses;
import dev.detour.bot.testing.RepositoryRoot;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.scheduling.annotation.Scheduled;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/configuration.md lists every {@code detour.*} setting the code declares, in its environment form
 * ({@code DETOUR_...}), with the default the code uses; and nothing else. The code declares settings in two ways:
 * components of {@code @ConfigurationProperties} records (their defaults in {@code @Bindable}), and placeholders
 * in {@code @Scheduled} (Micronaut resolves those from the environment, so their default is in the placeholder).
 */
class ConfigurationDocsTest {
    private static final JavaClasses DETOUR = DetourClasses.production("dev.detour");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(detour\\.[a-z0-9.-]+)(?::([^}]*))?}");
    private static final Pattern VARIABLE = Pattern.compile("DETOUR_[A-Z0-9_]+");
    /** Read from the environment before Micronaut starts (which file to load), so no record declares it. */
    private static final Set<String> READ_BEFORE_START = Set.of(ConfigLocation.ENV);

    /** One place in the code that declares a setting, with the default it gives there, if any. */
    record Declaration(String property, Optional<String> defaultValue, String where) {
        String variable() {
            return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        }
    }

    @Test
    void everySettingTheCodeDeclaresIsListedInTheConfigurationDocs() throws IOException {
        Map<String, String> rows = documentedRows();
        Set<String> missing = declarations().stream()
                .filter(declaration -> !rows.containsKey(declaration.variable()))
                .map(declaration -> declaration.variable() + " (" + declaration.where() + ")")
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), missing, "settings missing from docs/configuration.md");
    }

    @Test
    void everyDetourVariableTheDocsListIsASettingTheCodeDeclares() throws IOException {
        Set<String> declared = declarations().stream().map(Declaration::variable).collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>(documentedRows().keySet());
        unknown.removeAll(declared);
        unknown.removeAll(READ_BEFORE_START);
        assertEquals(Set.of(), unknown, "docs/configuration.md lists settings that no code reads");
    }

    @Test
    void theDocsShowTheDefaultTheCodeUses() throws IOException {
        Map<String, String> rows = documentedRows();
        List<String> wrong = new ArrayList<>();
        for (Declaration declaration : declarations()) {
            String row = rows.get(declaration.variable());
            declaration.defaultValue()
                    .filter(value -> row != null && !defaultCell(row).contains("`" + value + "`"))
                    .ifPresent(value -> wrong.add(declaration.variable() + " defaults to " + value + " in "
                            + declaration.where()));
        }
        assertEquals(List.of(), wrong, "docs/configuration.md shows another default");
    }

    @Test
    void aSettingDeclaredInSeveralPlacesHasOneDefault() {
        Map<String, Set<String>> defaults = new LinkedHashMap<>();
        for (Declaration declaration : declarations()) {
            defaults.computeIfAbsent(declaration.property(), property -> new TreeSet<>())
                    .add(declaration.defaultValue().orElse("(none)"));
        }
        defaults.values().removeIf(values -> values.size() == 1);
        assertEquals(Map.of(), defaults, "settings whose defaults disagree");
    }

    @Test
    void everySettingsRecordIsFound() {
        // Guards the other tests against a scan that silently finds nothing.
        assertTrue(declarations().stream().anyMatch(d -> d.property().equals("detour.health.job-grace")
                && d.defaultValue().equals(Optional.of("30s"))), declarations().toString());
        assertTrue(declarations().stream().anyMatch(d -> d.property().equals("detour.outbox.poll")),
                declarations().toString());
    }

    private static List<Declaration> declarations() {
        List<Declaration> declarations = new ArrayList<>();
        for (JavaClass type : DETOUR) {
            type.tryGetAnnotationOfType(ConfigurationProperties.class)
                    .ifPresent(annotation -> declarations.addAll(recordSettings(type.reflect(), annotation.value())));
            for (JavaMethod method : type.getMethods()) {
                method.tryGetAnnotationOfType(Scheduled.class).ifPresent(scheduled -> declarations.addAll(
                        placeholders(type.getSimpleName() + "." + method.getName(), scheduled)));
            }
        }
        return declarations;
    }

    private static List<Declaration> recordSettings(Class<?> type, String prefix) {
        assertTrue(type.isRecord(), type + " declares settings: make it a record");
        RecordComponent[] components = type.getRecordComponents();
        Constructor<?> canonical;
        try {
            canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
        List<Declaration> settings = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            Optional<String> defaultValue = Optional.ofNullable(canonical.getParameters()[i].getAnnotation(Bindable.class))
                    .map(Bindable::defaultValue).filter(value -> !value.isEmpty());
            settings.add(new Declaration(prefix + "." + kebab(components[i].getName()), defaultValue,
                    type.getSimpleName()));
        }
        return settings;
    }

    private static List<Declaration> placeholders(String where, Scheduled scheduled) {
        List<Declaration> settings = new ArrayList<>();
        for (String member : List.of(scheduled.fixedDelay(), scheduled.fixedRate(), scheduled.initialDelay(),
                scheduled.cron())) {
            Matcher matcher = PLACEHOLDER.matcher(member);
            while (matcher.find()) {
                settings.add(new Declaration(matcher.group(1), Optional.ofNullable(matcher.group(2)), where));
            }
        }
        return settings;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** Each DETOUR_* variable named in the first cell of a row of the "Environment" table, with its row. */
    private static Map<String, String> documentedRows() throws IOException {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(RepositoryRoot.find().resolve("docs/configuration.md"))) {
            if (line.startsWith("| `")) {
                Matcher matcher = VARIABLE.matcher(line.split("\\|")[1]);
                while (matcher.find()) {
                    rows.put(matcher.group(), line);
                }
            }
        }
        return rows;
    }

    private static String defaultCell(String row) {
        String[] cells = row.split("\\|");
        return cells[cells.length - 1];
    }
}
