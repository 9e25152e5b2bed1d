package dev.detour.incidents.signals;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.detour.incidents.SeedCatalog.OPUS_47;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FiringAlertsTest {
    private final FiringAlerts alerts = new FiringAlerts();

    @Test
    void aModelFiresWhileAnyOfItsAlertsFires() {
        alerts.alert("a1", OPUS_48, true);
        alerts.alert("b2", OPUS_48, true);
        alerts.alert("c3", OPUS_47, true);
        alerts.alert("a1", OPUS_48, false);
        alerts.alert("c3", OPUS_47, false);

        assertEquals(Set.of(OPUS_48), alerts.firingModels());
        assertEquals(List.of(false, true, false), List.of(alerts.fires("a1"), alerts.fires("b2"), alerts.fires("c3")));

        alerts.alert("b2", OPUS_48, false);
        assertEquals(Set.of(), alerts.firingModels());
    }

    @Test
    void aRepeatedFiringAlertIsOneAlertAndTheOldestGoesBeyondTheLimit() {
        alerts.alert("first", OPUS_47, true);
        for (int i = 0; i < FiringAlerts.LIMIT; i++) {
            alerts.alert("alert-" + i, OPUS_48, true);
        }
        assertEquals(Set.of(OPUS_48), alerts.firingModels(), "the oldest alert went");

        alerts.alert("alert-0", OPUS_48, true);
        for (int i = 1; i < FiringAlerts.LIMIT; i++) {
            alerts.alert("alert-" + i, OPUS_48, false);
        }
        assertEquals(Set.of(OPUS_48), alerts.firingModels(), "alert-0 repeated, kept");
    }
}
