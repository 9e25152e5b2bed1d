package dev.detour.incidents.jobs;

import dev.detour.incidents.application.RampService;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.lifecycle.Job;
import dev.detour.incidents.lifecycle.SingleWriter;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ramps' timer (docs/recovery.md): every {@code detour.recovery.tick} one replica checks each running ramp on
 * its evidence. A single-writer job: when its replica dies, another takes it and reads the ramps from the database
 * where they stood.
 */
@Singleton
public class RampTicks {
    public static final String JOB = "ramps";
    private static final Logger LOG = LoggerFactory.getLogger(RampTicks.class);

    private final RampService ramps;
    private final SingleWriter locks;

    public RampTicks(RampService ramps, SingleWriter locks) {
        this.ramps = ramps;
        this.locks = locks;
    }

    @Job(JOB)
    @Scheduled(fixedDelay = "${detour.recovery.tick:5s}", initialDelay = "${detour.recovery.tick:5s}")
    public void tick() {
        if (!locks.holds(JOB)) {
            return; // another replica runs the ramps
        }
        for (Target target : ramps.activeTargets()) {
            try {
                ramps.tick(target);
            } catch (RuntimeException e) {
                LOG.warn("ramp of {} not checked this time: {}", target, e.toString());
            }
        }
    }
}
