package dev.detour.bot;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetourLoggingTest {

    @Test
    void everyEventFromInfoGoesToStandardErrorAsOneLine() {
        LoggerContext context = new LoggerContext();
        DetourLogging.logToStandardError(context);

        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.INFO, root.getLevel());
        ConsoleAppender<?> stderr = (ConsoleAppender<?>) root.getAppender("STDERR");
        assertTrue(stderr.isStarted());
        assertEquals("System.err", stderr.getTarget());
        assertEquals("%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n",
                ((PatternLayoutEncoder) stderr.getEncoder()).getPattern());
    }

    @Test
    void hikariAndFlywaySpeakOnlyFromWarnings() {
        LoggerContext context = new LoggerContext();
        DetourLogging.logToStandardError(context);

        assertEquals(Level.WARN, context.getLogger("com.zaxxer.hikari").getLevel());
        assertEquals(Level.WARN, context.getLogger("org.flywaydb").getLevel());
        assertEquals(Level.INFO, context.getLogger("dev.detour.bot.StartupReport").getEffectiveLevel());
    }

    @Test
    void logbackFindsItWithoutAnXmlFile() throws Exception {
        Path resources = Path.of("src/main/resources");
        assertEquals(DetourLogging.class.getName(), Files.readString(
                resources.resolve("META-INF/services/ch.qos.logback.classic.spi.Configurator")).strip());
        assertFalse(Files.exists(resources.resolve("logback.xml")), "the logging setup lives in one place");
    }
}
