package dev.detour.incidents.readmodel;

import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.routing.RouteState;
import dev.detour.incidents.routing.RouteStateChange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UptimeTest {
    private static final TaskClassId LEGAL = TaskClassId.of("legal-review");
    private static final LocalDate FIRST = LocalDate.parse("2026-06-05");

    private static RouteStateChange at(String time, RouteState state) {
        return new RouteStateChange(LEGAL, state, Instant.parse(time));
    }

    @Test
    void timeBeforeTheFirstRouteIsNoHistoryAndCountsInNoShare() {
        Uptime uptime = Uptime.of(List.of(at("2026-06-06T12:00:00Z", RouteState.PRIMARY)), FIRST,
                Instant.parse("2026-06-07T06:00:00Z"));

        assertEquals(3, uptime.days().size(), "from the first day to today");
        assertEquals(Duration.ofDays(1), uptime.days().get(0).unknown());
        assertEquals(Optional.empty(), uptime.days().get(0).worst());
        assertEquals(Duration.ofHours(12), uptime.days().get(1).unknown());
        assertEquals(Duration.ofHours(12), uptime.days().get(1).usual());
        assertEquals(Duration.ofHours(6), uptime.days().get(2).usual(), "today counts up to now");
        assertEquals(Optional.of(1.0), uptime.usualShare());
    }

    @Test
    void aDaySplitsIntoUsualBackupAndPausedMinutesAndTheStateCarriesOverMidnight() {
        Uptime uptime = Uptime.of(List.of(
                at("2026-06-01T00:00:00Z", RouteState.PRIMARY),
                at("2026-06-05T22:00:00Z", RouteState.FALLBACK),
                at("2026-06-06T01:00:00Z", RouteState.AWAITING_CONSENT),
                at("2026-06-06T01:30:00Z", RouteState.STOPPED),
                at("2026-06-06T02:00:00Z", RouteState.PRIMARY)), FIRST, Instant.parse("2026-06-07T00:00:00Z"));

        Uptime.Day first = uptime.days().get(0);
        assertEquals(Duration.ofHours(22), first.usual(), "the state before the period is where it begins");
        assertEquals(Duration.ofHours(2), first.backup());
        assertEquals(Optional.of(Uptime.Service.BACKUP), first.worst());
        Uptime.Day second = uptime.days().get(1);
        assertEquals(Duration.ofHours(1), second.backup(), "the fallback runs on past midnight");
        assertEquals(Duration.ofHours(1), second.paused(), "waiting for a decision and stopped both pause");
        assertEquals(Duration.ofHours(22), second.usual());
        assertEquals(Optional.of(Uptime.Service.PAUSED), second.worst());
        assertEquals(Duration.ofHours(1), uptime.total(Uptime.Service.PAUSED));
        assertEquals(44.0 / 48, uptime.usualShare().orElseThrow(), 1e-9);
    }

    @Test
    void withNoHistoryThereIsNoShare() {
        Uptime uptime = Uptime.of(List.of(), FIRST, Instant.parse("2026-06-07T12:00:00Z"));

        assertEquals(Optional.empty(), uptime.usualShare());
        assertEquals(3, uptime.days().size());
    }
}
