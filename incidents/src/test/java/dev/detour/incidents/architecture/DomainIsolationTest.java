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
            "dev.detour.incidents.support..", "dev.detour.incidents.readmodel..", "dev.detour.incidents.ports..",
            "dev.detour.incidents.subscription..", "dev.detour.incidents.preview..",
            "dev.detour.incidents.recovery..", "dev.detour.incidents.approval..",
            "dev.detour.incidents.maintenance.."};

    /** The only packages that may depend on {@code persistence} (see {@code onlyPersistenceAndItsMigrations...}). */
    private static final String[] REACHES_PERSISTENCE = {"dev.detour.incidents.persistence..", "db.migration.."};

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.detour.incidents", "db.migration");

    @Test
    void theDomainDependsOnNothingButJavaAndItself() {
        String[] allowed = Arrays.copyOf(DOMAIN, DOMAIN.length + 1);
        allowed[DOMAIN.length] = "java..";
        classes().that().resideInAnyPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed)
                .check(CLASSES);
    }

    @Test
    void rowTypesNeverLeavePersistence() {
        // Everything else works with domain records; persistence maps rows to them and back.
        noClasses().that().resideOutsideOfPackage("dev.detour.incidents.persistence..")
                .should().dependOnClassesThat().areAnnotatedWith(MappedEntity.class)
                .check(CLASSES);
    }

    @Test
    void onlyPersistenceAndItsMigrationsReachPersistence() {
        // Use cases, queries and jobs go through the interfaces in ports. The exceptions, exactly: persistence
        // itself and Flyway's Java migrations (db.migration, storage code that runs before any bean exists). No
        // factory is one: the stores and tables are beans Micronaut finds by themselves.
        noClasses().that().resideOutsideOfPackages(REACHES_PERSISTENCE)
                .should().dependOnClassesThat().resideInAPackage("dev.detour.incidents.persistence..")
                .check(CLASSES);
    }

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching("dev.detour.incidents.(**)").should().beFreeOfCycles().check(CLASSES);
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
