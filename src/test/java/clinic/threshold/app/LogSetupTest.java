package clinic.threshold.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Logging is set up by {@link LogSetup}, found through META-INF/services: warnings on standard error, one line each. */
class LogSetupTest {
    @Test
    void theAppsLoggingIsLogSetups() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        ConsoleAppender<?> stderr = (ConsoleAppender<?>) root.getAppender("STDERR");
        assertNotNull(stderr, "the console appender LogSetup adds");
        assertEquals("System.err", stderr.getTarget());
        assertEquals(LogSetup.PATTERN, ((PatternLayoutEncoder) stderr.getEncoder()).getPattern());
        for (String library : new String[] {"org.jooq", "org.flywaydb", "org.h2"}) {
            assertEquals(Level.WARN, context.getLogger(library).getLevel(), library);
        }
    }

    @Test
    void warningsByDefaultAndTheLevelAskedFor() {
        String before = System.getProperty("threshold.log.level");
        try {
            System.clearProperty("threshold.log.level");
            assertEquals(Level.WARN, configured().getLogger(Logger.ROOT_LOGGER_NAME).getLevel());
            System.setProperty("threshold.log.level", "DEBUG");
            assertEquals(Level.DEBUG, configured().getLogger(Logger.ROOT_LOGGER_NAME).getLevel());
            System.setProperty("threshold.log.level", "not a level");
            assertEquals(Level.WARN, configured().getLogger(Logger.ROOT_LOGGER_NAME).getLevel(), "a typo falls back to warnings");
        } finally {
            if (before == null) {
                System.clearProperty("threshold.log.level");
            } else {
                System.setProperty("threshold.log.level", before);
            }
        }
    }

    @Test
    void aConfigurationFileSupportNamesIsLeftToLogback() {
        System.setProperty("logback.configurationFile", "support.xml");
        try {
            LoggerContext c = new LoggerContext();
            assertEquals(ch.qos.logback.classic.spi.Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY, new LogSetup().configure(c));
            assertTrue(!c.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext(), "nothing of its own added");
        } finally {
            System.clearProperty("logback.configurationFile");
        }
    }

    private static LoggerContext configured() {
        LoggerContext c = new LoggerContext();
        new LogSetup().configure(c);
        assertTrue(c.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext());
        return c;
    }
}
