package dev.detour.incidents.audit;

import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.TimelineEntry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AuditSubjectTest {
    private static final Target OPUS_48 = Target.model(ModelId.of("claude-opus-4-8"));
    private static final Target ANTHROPIC = Target.provider(ProviderId.of("anthropic"));

    @Test
    void eachSubjectHasTheTextFormStoredBeforeItWasAType() {
        assertEquals("model:claude-opus-4-8", AuditSubject.target(OPUS_48).text());
        assertEquals("provider:anthropic,model:claude-opus-4-8",
                AuditSubject.targets(List.of(ANTHROPIC, OPUS_48)).text());
        assertEquals("task-class:legal-review", AuditSubject.taskClass(TaskClassId.of("legal-review")).text());
        assertEquals("incident:INC-3", AuditSubject.incident(new IncidentId(3)).text());
        assertEquals("sink:flagd", AuditSubject.sink("flagd").text());
        assertEquals("slack:C0INCIDENTS/1718000000.000100", AuditSubject.slack("C0INCIDENTS/1718000000.000100").text());
    }

    @Test
    void aStoredSubjectReadsBackAsTheSameSubject() {
        for (AuditSubject subject : List.of(AuditSubject.target(OPUS_48), AuditSubject.targets(List.of(ANTHROPIC,
                        OPUS_48)), AuditSubject.taskClass(TaskClassId.of("legal-review")),
                AuditSubject.incident(new IncidentId(3)), AuditSubject.sink("flagd"), AuditSubject.slack("C0X/1.2"))) {
            assertEquals(subject, AuditSubject.of(subject.text()));
        }
    }

    @Test
    void aStoredSubjectThisReleaseDoesNotKnowIsKeptAsItIs() {
        for (String stored : List.of("weather:today", "no colon", "model:Not An Id", "incident:seven", "")) {
            AuditSubject subject = AuditSubject.of(stored);
            assertEquals(new AuditSubject.Unknown(stored), subject);
            assertEquals(stored, subject.text());
        }
    }

    @Test
    void actionsHaveTheirStoredTextForm() {
        assertEquals("incident.state-changed", AuditAction.incident(TimelineEntry.Type.STATE_CHANGED).text());
        assertEquals("signal.cleared", AuditAction.signal(false).text());
        assertEquals("slack.root.failed", AuditAction.deliveryFailed("slack.root").text());
        assertEquals(AuditAction.ROUTE_CHANGED, new AuditAction("route.changed"));
        assertThrows(IllegalArgumentException.class, () -> new AuditAction("Route Changed"));
    }
}
