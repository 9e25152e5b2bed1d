package dev.detour.bot.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Detour's production classes of every module, as the architecture and documentation tests read them. */
public final class DetourClasses {
    private DetourClasses() {
    }

    /** The classes under {@code packages}, without tests or other modules' test fixtures (their -tests.jar). */
    public static JavaClasses production(String... packages) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages(packages);
    }
}
