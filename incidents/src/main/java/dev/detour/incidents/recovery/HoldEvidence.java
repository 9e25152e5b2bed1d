package dev.detour.incidents.recovery;

import java.util.Optional;

/**
 * What a step's hold has seen so far, folded from one {@link RampSample} per tick. Windows overlap, so requests are
 * not summed: the busiest window is a lower bound of the hold's traffic.
 *
 * @param peakRequests   the most requests one window of the hold had
 * @param worstErrorRate the highest error rate of a window with at least the ramp's {@code min-requests}
 * @param p95Exceeded    whether some window's p95 reached the limit
 * @param firingSeen     whether some source called the target failing during the hold
 * @param last           the latest sample, for the numbers people read
 */
public record HoldEvidence(long peakRequests, double worstErrorRate, boolean p95Exceeded, boolean firingSeen,
                           Optional<RampSample> last) {
    public static final HoldEvidence NONE = new HoldEvidence(0, 0, false, false, Optional.empty());

    public HoldEvidence {
        if (peakRequests < 0 || worstErrorRate < 0 || worstErrorRate > 1) {
            throw new IllegalArgumentException("peakRequests >= 0, 0 <= worstErrorRate <= 1");
        }
        last = last == null ? Optional.empty() : last;
    }

    HoldEvidence with(RampSample sample, int minRequests) {
        double worst = sample.requests() >= minRequests ? Math.max(worstErrorRate, sample.errorRate()) : worstErrorRate;
        return new HoldEvidence(Math.max(peakRequests, sample.requests()), worst,
                p95Exceeded || sample.p95OverLimit() && sample.requests() > 0,
                firingSeen || !sample.firing().isEmpty(), Optional.of(sample));
    }
}
