package dev.detour.bot.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The database as the background checker last found it.
 *
 * @param checkedAt when the check ended (or gave up waiting)
 * @param took      how long the database took to answer, when it did
 * @param problem   why it is down: the driver's message, or that it did not answer in time
 * @param lastUp    the last time it answered, if ever since start
 */
public record DatabaseCheck(Instant checkedAt, boolean up, Optional<Duration> took, Optional<String> problem,
                            Optional<Instant> lastUp) {

    static DatabaseCheck notYet(Instant now) {
        return new DatabaseCheck(now, false, Optional.empty(), Optional.of("not checked yet"), Optional.empty());
    }

    static DatabaseCheck answered(Instant now, Duration took) {
        return new DatabaseCheck(now, true, Optional.of(took), Optional.empty(), Optional.of(now));
    }

    DatabaseCheck failed(Instant now, String why) {
        return new DatabaseCheck(now, false, Optional.empty(), Optional.of(why), lastUp);
    }
}
