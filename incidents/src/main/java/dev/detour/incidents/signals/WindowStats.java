package dev.detour.incidents.signals;

/** A model's gateway outcomes over the detection window. */
/**
 * @param slowRequests  requests at or over the latency threshold: the p95 reaches the threshold exactly when
 *                      more than 5% of requests do
 * @param p95LatencyMs  approximate (within 25%), for people to read
 */
public record WindowStats(long requests, long providerErrors, long capacityErrors, long ourSideErrors,
                          long slowRequests, long p95LatencyMs) {

    public boolean p95AtOrOverThreshold() {
        return requests > 0 && slowRequests * 20 > requests;
    }

    /** Provider failures and capacity errors, over all requests; 0 without requests. */
    public double errorRate() {
        return requests == 0 ? 0 : (double) (providerErrors + capacityErrors) / requests;
    }

    public double ourSideRate() {
        return requests == 0 ? 0 : (double) ourSideErrors / requests;
    }
}
