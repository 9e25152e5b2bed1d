package dev.detour.incidents.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.detour.incidents.persistence.AuditRecordRepository;
import dev.detour.incidents.persistence.TimelineEntryRepository;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DomainIsolationTest {
    private static final String[] DOMAIN = {"dev.detour.incidents.catalog..", "dev.detour.incidents.routing..",
            "dev.detour.incidents.incident..", "dev.detour.incidents.audit..", "dev.detour.incidents.event..",
            "dev.detour.incidents.outbox..", "dev.detour.incidents.signals..",
            "dev.detour.incidents.support.."};

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.detour.incidents");

    @Test
    void theDomainDependsOnNothingButJavaAndItself() {
        String[] allowed = Arrays.copyOf(DOMAIN, DOMAIN.length + 1);
        allowed[DOMAIN.length] = "java..";
        classes().that().resideInAnyPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed)
                .check(classes);
    }

    @Test
    void appendOnlyRecordsHaveNoRepositoryMethodThatChangesOrRemovesThem() {
        for (Class<?> repository : List.of(AuditRecordRepository.class, TimelineEntryRepository.class)) {
            List<String> changing = Arrays.stream(repository.getMethods()).map(Method::getName)
                    .filter(name -> {
                        String lower = name.toLowerCase(Locale.ROOT);
                        return lower.startsWith("update") || lower.startsWith("delete")
                                || lower.startsWith("remove") || lower.startsWith("merge");
                    })
                    .toList();
            assertEquals(List.of(), changing, repository.getSimpleName());
        }
    }
}
