package dev.detour.bot.publicstatus;

import dev.detour.messages.Names;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.time.Instant;

/**
 * {@code GET /status} as HTML for people: the overall state, every feature with its state and 90-day strip, the
 * incidents support was told about (resolved ones collapsed) and how to follow updates; and
 * {@code GET /status/incidents/<public id>}, one incident. No scripts and no automatic reload (a Refresh link
 * instead). Written by the XML writer, so every text is escaped and the page is well-formed XML as well as HTML.
 */
final class PublicStatusPage {
    private final PublicStatusSettings settings;
    private final boolean emailForm;

    /** @param emailForm whether to offer email updates (detour.email.smtp-host is set) */
    PublicStatusPage(PublicStatusSettings settings, boolean emailForm) {
        this.settings = settings;
        this.emailForm = emailForm;
    }

    byte[] render(PublicStatus status, PublicStatusLinks links) {
        return write(settings.title(), links, html -> {
            heading(html, settings.title());
            overall(html, status, links);
            features(html, status);
            maintenance(html, status);
            incidents(html, status, links);
            StatusHtml.followUpdates(html, links, emailForm);
        });
    }

    byte[] render(PublicStatus.PublicIncident incident, Instant now, PublicStatusLinks links) {
        return write(incident.title() + " · " + settings.title(), links, html -> {
            heading(html, incident.title());
            html.writeStartElement("p");
            html.writeAttribute("class", "meta");
            state(html, incident, now);
            html.writeCharacters(" · ");
            StatusHtml.link(html, links.page().toString(), "Current status of every feature");
            html.writeEndElement();
            StatusHtml.text(html, "h2", "Updates");
            updates(html, incident, now, "h3");
            StatusHtml.followUpdates(html, links, emailForm);
        });
    }

    private interface Body {
        void write(XMLStreamWriter html) throws XMLStreamException;
    }

    private byte[] write(String title, PublicStatusLinks links, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLStreamWriter html = XmlOutput.writer(out);
        try {
            StatusHtml.start(html, title, links);
            html.writeStartElement("body");
            html.writeStartElement("main");
            body.write(html);
            html.writeEndElement();
            StatusHtml.footer(html, settings);
            html.writeEndElement();
            html.writeEndElement();
            html.writeCharacters("\n");
            html.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the status page", e);
        }
        return out.toByteArray();
    }

    private void heading(XMLStreamWriter html, String title) throws XMLStreamException {
        StatusHtml.text(html, "h1", title);
        if (settings.organizationName().isPresent()) {
            StatusHtml.text(html, "p", "org", settings.organizationName().get());
        }
    }

    private static void overall(XMLStreamWriter html, PublicStatus status, PublicStatusLinks links)
            throws XMLStreamException {
        html.writeStartElement("p");
        html.writeAttribute("class", status.operational() ? "overall operational" : "overall degraded");
        html.writeAttribute("role", "status");
        html.writeCharacters(status.operational()
                ? "All AI features work normally." : "Some AI features are affected.");
        html.writeEndElement();
        html.writeStartElement("p");
        html.writeAttribute("class", "updated");
        html.writeCharacters("Updated ");
        StatusHtml.time(html, status.updated(), status.updated());
        html.writeCharacters(" · ");
        StatusHtml.link(html, links.page().toString(), "Refresh");
        html.writeEndElement();
    }

    private static void features(XMLStreamWriter html, PublicStatus status) throws XMLStreamException {
        html.writeStartElement("section");
        html.writeAttribute("class", "card");
        StatusHtml.text(html, "h2", "Features");
        html.writeStartElement("ul");
        html.writeAttribute("class", "features");
        for (PublicStatus.Feature feature : status.features()) {
            html.writeStartElement("li");
            html.writeAttribute("class", "feature");
            StatusHtml.text(html, "strong", "name", feature.name());
            html.writeStartElement("span");
            html.writeAttribute("class", "state-" + feature.state().word());
            state(html, feature);
            html.writeEndElement();
            if (feature.since().isPresent() && feature.state() != FeatureState.NORMAL) {
                html.writeCharacters(" ");
                html.writeStartElement("span");
                html.writeAttribute("class", "since");
                html.writeCharacters("since ");
                StatusHtml.time(html, feature.since().get(), status.updated());
                html.writeEndElement();
            }
            UptimeStrip.write(html, feature.name(), feature.uptime());
            html.writeEndElement();
        }
        html.writeEndElement();
        legend(html);
        html.writeEndElement();
    }

    /** Operational, on a backup model (named), paused. Planned maintenance is not a state Detour knows. */
    private static void state(XMLStreamWriter html, PublicStatus.Feature feature) throws XMLStreamException {
        switch (feature.state()) {
            case NORMAL -> html.writeCharacters("Operational");
            case FALLBACK -> {
                html.writeCharacters("On a backup model: ");
                StatusHtml.text(html, "span", "model", feature.model().orElse("another model"));
            }
            case PAUSED -> html.writeCharacters("Paused");
            case AWAITING_DECISION -> html.writeCharacters("Paused while the team decides");
        }
    }

    private static void legend(XMLStreamWriter html) throws XMLStreamException {
        html.writeStartElement("p");
        html.writeAttribute("class", "legend");
        html.writeCharacters("Each bar is one UTC day, oldest first:");
        for (String[] key : new String[][] {{"usual", "usual model"}, {"backup", "backup model"},
                {"paused", "paused"}, {"none", "no history"}}) {
            html.writeStartElement("span");
            html.writeAttribute("class", "key k-" + key[0]);
            html.writeAttribute("aria-hidden", "true");
            html.writeEndElement();
            html.writeCharacters(key[1]);
        }
        html.writeEndElement();
    }

    /** "Planned maintenance: Meeting summaries, Contract review, 14:00 to 15:30 UTC"; nothing when none is planned. */
    private static void maintenance(XMLStreamWriter html, PublicStatus status) throws XMLStreamException {
        if (status.maintenance().isEmpty()) {
            return;
        }
        html.writeStartElement("section");
        StatusHtml.text(html, "h2", "Planned maintenance");
        html.writeStartElement("ul");
        html.writeAttribute("class", "maintenance");
        for (PublicStatus.PlannedMaintenance planned : status.maintenance()) {
            html.writeStartElement("li");
            html.writeCharacters("Planned maintenance: " + String.join(", ", planned.features()) + ", ");
            StatusHtml.time(html, planned.from());
            html.writeCharacters(" to ");
            StatusHtml.time(html, planned.until());
            if (planned.underWay()) {
                html.writeCharacters(" (under way: these features may use another model or pause meanwhile)");
            }
            html.writeEndElement();
        }
        html.writeEndElement();
        html.writeEndElement();
    }

    private static void incidents(XMLStreamWriter html, PublicStatus status, PublicStatusLinks links)
            throws XMLStreamException {
        html.writeStartElement("section");
        StatusHtml.text(html, "h2", "Incidents");
        if (status.incidents().isEmpty()) {
            StatusHtml.text(html, "p", "No incidents reported.");
        }
        for (PublicStatus.PublicIncident incident : status.incidents()) {
            boolean resolved = incident.resolved().isPresent();
            // A resolved incident is history: collapsed, its updates a click away.
            html.writeStartElement(resolved ? "details" : "article");
            html.writeAttribute("class", "incident");
            if (resolved) {
                html.writeStartElement("summary");
            }
            // The heading stays inside the summary, so the updates' headings follow it in order when opened.
            html.writeStartElement("h3");
            html.writeCharacters(XmlOutput.text(incident.title()));
            StatusHtml.text(html, "span", resolved ? "badge" : "badge open", resolved ? "Resolved" : "Ongoing");
            html.writeEndElement();
            if (resolved) {
                html.writeEndElement();
            }
            html.writeStartElement("p");
            html.writeAttribute("class", "meta");
            state(html, incident, status.updated());
            html.writeCharacters(" · ");
            StatusHtml.link(html, links.incident(incident.id()).toString(), "Link to this incident");
            html.writeEndElement();
            updates(html, incident, status.updated(), "h4");
            html.writeEndElement();
        }
        html.writeEndElement();
    }

    private static void state(XMLStreamWriter html, PublicStatus.PublicIncident incident, Instant now)
            throws XMLStreamException {
        html.writeCharacters(incident.resolved().isPresent() ? "Resolved " : "Ongoing since ");
        StatusHtml.time(html, incident.resolved().orElse(incident.opened()), now);
    }

    /** @param heading the element of each update's heading, one level below the section's */
    private static void updates(XMLStreamWriter html, PublicStatus.PublicIncident incident, Instant now,
                                String heading) throws XMLStreamException {
        html.writeStartElement("ol");
        html.writeAttribute("class", "updates");
        for (PublicStatus.Post post : incident.posts()) {
            html.writeStartElement("li");
            StatusHtml.text(html, heading, kind(post.kind()));
            html.writeStartElement("p");
            html.writeAttribute("class", "at");
            StatusHtml.time(html, post.at(), now);
            html.writeEndElement();
            StatusHtml.text(html, "p", "text", post.text().isEmpty() ? post.title() : post.title() + "\n"
                    + post.text());
            if (post.nextUpdateBy().isPresent()) {
                html.writeStartElement("p");
                html.writeAttribute("class", "at");
                html.writeCharacters("Next update by ");
                StatusHtml.time(html, post.nextUpdateBy().get());
                html.writeEndElement();
            }
            html.writeEndElement();
        }
        html.writeEndElement();
    }

    /** The promise of the next post, in the page's words. */
    static String nextUpdate(Instant next) {
        return "Next update by " + Names.time(next) + ".";
    }

    private static String kind(String kind) {
        return switch (kind) {
            case "all-clear" -> "Resolved";
            case "update" -> "Update";
            default -> "Status";
        };
    }
}
