package dev.detour.messages;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.detour.incidents.audit.AuditRecord;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Messages put facts into words and never read a fact back out of text another part wrote: an audit record's
 * {@code before}, {@code after} and {@code reason} are shown as stored (by the audit list), never parsed. The
 * manager summaries take route changes as data from the report.
 */
class ReadNoAuditTextTest {
    private static final JavaClasses MESSAGES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.detour.messages");

    @Test
    void onlyTheAuditListReadsAnAuditRecordsText() {
        noClasses().that().doNotHaveSimpleName(AuditMessage.class.getSimpleName())
                .should().callMethod(AuditRecord.class, "before")
                .orShould().callMethod(AuditRecord.class, "after")
                .orShould().callMethod(AuditRecord.class, "reason")
                .check(MESSAGES);
    }
}
