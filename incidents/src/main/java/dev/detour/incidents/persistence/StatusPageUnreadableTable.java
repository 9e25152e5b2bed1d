package dev.detour.incidents.persistence;

import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.ports.StatusPageReadabilityStore;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Unreadable status pages in {@code status_page_unreadable}, one row per page while it is unreadable. */
@Singleton
public class StatusPageUnreadableTable implements StatusPageReadabilityStore {
    /** The column's width; a longer reason (an answer's words) is cut, it is for people. */
    static final int REASON_LIMIT = 4000;

    private final StatusPageUnreadableRepository rows;

    public StatusPageUnreadableTable(StatusPageUnreadableRepository rows) {
        this.rows = rows;
    }

    @Override
    public void readable(ProviderId provider) {
        rows.delete(provider.value());
    }

    @Override
    public void unreadable(ProviderId provider, String reason, Instant at) {
        String cut = reason.length() > REASON_LIMIT ? reason.substring(0, REASON_LIMIT - 1) + "…" : reason;
        if (rows.insertIfAbsent(provider.value(), cut, at) == 0) {
            rows.update(provider.value(), cut, at);
        }
    }

    @Override
    public Map<ProviderId, Unreadable> unreadable() {
        Map<ProviderId, Unreadable> pages = new LinkedHashMap<>();
        rows.findAll().forEach(row -> pages.put(ProviderId.of(row.provider()), new Unreadable(row.reason(),
                row.since())));
        return pages;
    }
}
