package dev.detour.bot.publicstatus;

import dev.detour.incidents.readmodel.Uptime;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * A feature's 90 days as inline SVG, no script: one bar a day, coloured by the worst of the day (paused, else a
 * backup model, else the usual model; grey without history), the minutes of each in the bar's {@code <title>};
 * then the share of time on the usual model and the time paused.
 */
final class UptimeStrip {
    private static final int BAR = 6;
    private static final int HEIGHT = 24;

    private UptimeStrip() {
    }

    static void write(XMLStreamWriter html, String feature, Uptime uptime) throws XMLStreamException {
        html.writeStartElement("svg");
        html.writeAttribute("class", "strip");
        html.writeAttribute("viewBox", "0 0 " + Math.max(1, uptime.days().size() * BAR - 1) + " " + HEIGHT);
        html.writeAttribute("preserveAspectRatio", "none");
        html.writeAttribute("role", "img");
        html.writeAttribute("aria-label", XmlOutput.text(feature + ", last " + uptime.days().size() + " days: "
                + summary(uptime)));
        int x = 0;
        for (Uptime.Day day : uptime.days()) {
            html.writeStartElement("rect");
            html.writeAttribute("x", Integer.toString(x));
            html.writeAttribute("width", Integer.toString(BAR - 1));
            html.writeAttribute("height", Integer.toString(HEIGHT));
            html.writeAttribute("class", "d-" + day.worst().map(UptimeStrip::word).orElse("none"));
            StatusHtml.text(html, "title", title(day));
            html.writeEndElement();
            x += BAR;
        }
        html.writeEndElement();
        StatusHtml.text(html, "p", "uptime", summary(uptime));
    }

    /** "99.95% on the usual model, paused 1 h 5 min in the last 90 days", or that there is no history yet. */
    static String summary(Uptime uptime) {
        return uptime.usualShare().map(share -> percent(share) + " on the usual model, paused "
                + minutes(uptime.total(Uptime.Service.PAUSED)) + " in the last " + uptime.days().size() + " days")
                .orElse("No history yet");
    }

    /** Two decimals, never rounded up to 100%: 99.999% reads 99.99%. */
    static String percent(double share) {
        double floored = Math.floor(share * 10_000) / 100;
        return String.format(Locale.ROOT, "%.2f%%", floored);
    }

    static String title(Uptime.Day day) {
        StringBuilder text = new StringBuilder(day.date().toString()).append(": usual model ")
                .append(day.usual().toMinutes()).append(" min, backup model ").append(day.backup().toMinutes())
                .append(" min, paused ").append(day.paused().toMinutes()).append(" min");
        if (!day.unknown().isZero()) {
            text.append(", no history ").append(day.unknown().toMinutes()).append(" min");
        }
        return text.toString();
    }

    static String minutes(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes < 60 ? minutes + " min" : minutes / 60 + " h " + minutes % 60 + " min";
    }

    static String word(Uptime.Service service) {
        return service.name().toLowerCase(Locale.ROOT);
    }
}
