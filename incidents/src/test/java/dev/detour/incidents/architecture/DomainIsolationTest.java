package dev.detour.incidents.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.detour.incidents.persistence.AuditRecordRepository;
import dev.detour.incidents.persistence.TimelineEntryRepository;
import io.micronaut.data.annotation.MappedEntity;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DomainIsolationTest {
    private static final String[] DOMAIN = {"dev.detour.incidents.catalog..", "dev.detour.incidents.routing..",
            "dev.detour.incidents.incident..", "dev.detour.incidents.audit..", "dev.detour.incidents.event..",
            "dev.detour.incidents.outbox..", "dev.detour.incidents.signals..",
            "dev.detour.incidents.support..", "dev.detour.incidents.subscription.."};

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
    void rowTypesNeverLeavePersistence() {
        // Everything else works with domain records; persistence maps rows to them and back.
        noClasses().that().resideOutsideOfPackage("dev.detour.incidents.persistence..")
                .should().dependOnClassesThat().areAnnotatedWith(MappedEntity.class)
                .check(classes);
    }

    @Test
    void onlyUseCasesQueriesJobsAndWiringReachPersistence() {
        noClasses().that().resideInAPackage("dev.detour.incidents.(*)..")
                .and().resideOutsideOfPackages("dev.detour.incidents.persistence..",
                        "dev.detour.incidents.application..", "dev.detour.incidents.queries..",
                        "dev.detour.incidents.jobs..")
                .should().dependOnClassesThat().resideInAPackage("dev.detour.incidents.persistence..")
                .check(classes);
    }

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching("dev.detour.incidents.(**)").should().beFreeOfCycles().check(classes);
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
