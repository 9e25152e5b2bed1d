package dev.detour.bot.api;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.readmodel.IncidentPicture;
import dev.detour.messages.IncidentTitle;
import dev.detour.messages.Names;
import dev.detour.messages.Wording;
import dev.detour.notifications.language.WordingFactory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;

/**
 * An incident as the API shows it, with the kind and the title as Slack shows them: the kind on-call set or the one
 * that follows from what users noticed; the title a person gave it or the one made from what it affects. An open
 * incident's title says what is switched off now; a resolved one's is made from what it covered.
 */
@Singleton
public class IncidentViews {
    private final Catalog catalog;
    private final IncidentTitle titles;

    /** @param english the API speaks English, whatever language the Slack messages use */
    public IncidentViews(Catalog catalog, @Named(WordingFactory.API) Wording english) {
        this.catalog = catalog;
        this.titles = new IncidentTitle(new Names(catalog), english);
    }

    /** @param timeline the incident's timeline, or none where it is not at hand (the kind then follows routes now) */
    Views.IncidentSummary summary(Incident incident, DetourStatus status, List<TimelineEntry> timeline, Instant now) {
        IncidentPicture picture = IncidentPicture.of(incident, status, timeline, catalog);
        String title = incident.isOpen() ? titles.of(picture) : titles.of(incident);
        return Views.IncidentSummary.of(incident, picture.kind(), title, now);
    }
}
