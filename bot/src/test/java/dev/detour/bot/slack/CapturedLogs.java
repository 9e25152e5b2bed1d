package dev.detour.bot.slack;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** What the application logs while a test runs, to check that bad input leaves no error and no stack trace. */
final class CapturedLogs implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private CapturedLogs() {
        appender.start();
        root.addAppender(appender);
    }

    static CapturedLogs start() {
        return new CapturedLogs();
    }

    /** Lines at ERROR, and lines at any level that carry a stack trace, as "LEVEL logger: message". */
    List<String> errorsAndStackTraces() {
        List<ILoggingEvent> events;
        synchronized (appender) { // appenders append under their own lock
            events = new ArrayList<>(appender.list);
        }
        return events.stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR) || event.getThrowableProxy() != null)
                .map(event -> event.getLevel() + " " + event.getLoggerName() + ": " + event.getFormattedMessage()
                        + (event.getThrowableProxy() == null ? "" : " [" + event.getThrowableProxy().getClassName()
                        + "]"))
                .collect(Collectors.toList());
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
