package dev.detour.incidents.signals;

/**
 * What one gateway request outcome says about whom. 401/403 mean our own credential or account is wrong; 429
 * means capacity or rate limiting; 5xx, 529 and timeouts mean the provider is failing; other 4xx are the
 * request's own fault and say nothing about the provider.
 */
public enum OutcomeClass {
    OK, PROVIDER_FAILURE, CAPACITY, OUR_SIDE, REQUEST_ERROR;

    /** @param status the HTTP status, or 0 when there was none (a timeout or a dropped connection) */
    public static OutcomeClass of(boolean ok, int status) {
        if (ok) {
            return OK;
        }
        if (status == 401 || status == 403) {
            return OUR_SIDE;
        }
        if (status == 429) {
            return CAPACITY;
        }
        if (status == 0 || status == 408 || status >= 500) {
            return PROVIDER_FAILURE;
        }
        return REQUEST_ERROR;
    }
}
