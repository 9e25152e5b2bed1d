package dev.detour.bot.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/architecture.md names classes and packages so a newcomer can find them; when code moves, the page must
 * move with it. Every {@code `Name`} or {@code `package.Name`} in backticks that looks like a class, and every
 * package in the package table, exists in the code.
 */
class ArchitectureDocsTest {
    private static final JavaClasses DETOUR = DetourClasses.production("dev.detour");
    /** `IncidentService`, `application.IncidentService`, `AvailabilityService.disable`, `Outbox.enqueue(events)`. */
    private static final Pattern CLASS = Pattern.compile(
            "`(?:([a-z][a-z.]*)\\.)?([A-Z][A-Za-z0-9]+)(?:\\.[a-z][A-Za-z]*(?:\\([^`]*\\))?)?`");
    /** Unit tests, integration tests and the contracts both databases' tests share (PersistenceContract). */
    private static final Pattern TEST_NAME = Pattern.compile(".*(Test|IT|Contract)");
    private static final Pattern PACKAGE_ROW = Pattern.compile("(?m)^\\| `([a-z]+)` \\|");
    /** Names in backticks that are not Detour classes: annotations, Slack and OFREP names. */
    private static final Set<String> NOT_OURS = Set.of("MappedEntity", "Scheduled", "TransactionalEventListener",
            "ETag", "If-None-Match");

    private static String page() throws IOException {
        Path page = Path.of("../docs/architecture.md");
        return Files.readString(Files.exists(page) ? page : Path.of("docs/architecture.md"));
    }

    @Test
    void everyClassThePageNamesExists() throws IOException {
        Set<String> missing = new TreeSet<>();
        Matcher matcher = CLASS.matcher(page());
        while (matcher.find()) {
            String simpleName = matcher.group(2);
            String packageSuffix = matcher.group(1);
            if (NOT_OURS.contains(simpleName)) {
                continue;
            }
            boolean found = TEST_NAME.matcher(simpleName).matches()
                    ? testExists(simpleName)
                    : DETOUR.stream().anyMatch(javaClass -> javaClass.getSimpleName().equals(simpleName)
                            && (packageSuffix == null || javaClass.getPackageName().endsWith("." + packageSuffix)));
            if (!found) {
                missing.add(matcher.group());
            }
        }
        assertEquals(Set.of(), missing, "docs/architecture.md names classes the code does not have");
    }

    /** Tests are not among the imported classes; the page names them by their simple name. */
    private static boolean testExists(String simpleName) throws IOException {
        Path root = Files.exists(Path.of("../docs")) ? Path.of("..") : Path.of(".");
        try (var files = Files.walk(root)) {
            return files.anyMatch(file -> file.toString().contains("/src/test/java/")
                    && file.getFileName().toString().equals(simpleName + ".java"));
        }
    }

    @Test
    void everyPackageOfTheCoreIsOnThePage() throws IOException {
        Set<String> documented = new TreeSet<>();
        Matcher matcher = PACKAGE_ROW.matcher(page());
        while (matcher.find()) {
            documented.add(matcher.group(1));
        }
        Set<String> actual = DETOUR.stream().map(JavaClass::getPackageName)
                .filter(name -> name.startsWith("dev.detour.incidents."))
                .map(name -> name.substring("dev.detour.incidents.".length()).split("\\.")[0])
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(documented.containsAll(actual), "packages missing from docs/architecture.md: "
                + actual.stream().filter(name -> !documented.contains(name)).toList());
    }
}
