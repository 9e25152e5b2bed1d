package dev.detour.incidents.jobs;

import dev.detour.incidents.application.MaintenanceService;
import dev.detour.incidents.lifecycle.Job;
import dev.detour.incidents.lifecycle.SingleWriter;
import dev.detour.incidents.maintenance.MaintenanceStep;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With a provider's {@code maintenance: pre-route}, switches a window's targets off as it starts and back on as it
 * ends (docs/maintenance.md). One replica at a time; each window is decided again under its row lock.
 */
@Singleton
public class MaintenancePreRouting {
    private static final Logger LOG = LoggerFactory.getLogger(MaintenancePreRouting.class);

    private final MaintenanceService maintenance;
    private final SingleWriter locks;

    public MaintenancePreRouting(MaintenanceService maintenance, SingleWriter locks) {
        this.maintenance = maintenance;
        this.locks = locks;
    }

    @Job("maintenance-pre-routing")
    @Scheduled(fixedDelay = "${detour.maintenance.check:15s}", initialDelay = "${detour.maintenance.check:15s}")
    public void check() {
        if (!locks.holds("maintenance-pre-routing")) {
            return; // another replica switches for the windows
        }
        routeDue();
    }

    /** @return how many windows were started or ended */
    public int routeDue() {
        int switched = 0;
        for (MaintenanceService.Due due : maintenance.due()) {
            if (due.steps().contains(MaintenanceStep.START) || due.steps().contains(MaintenanceStep.END)) {
                try {
                    switched += maintenance.route(due.window().id()) ? 1 : 0;
                } catch (RuntimeException e) {
                    LOG.warn("maintenance {} could not be switched; trying again on the next check",
                            due.window().id(), e);
                }
            }
        }
        return switched;
    }
}
