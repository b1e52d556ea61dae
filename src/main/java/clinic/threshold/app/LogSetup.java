package clinic.threshold.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.List;

/**
 * Logging, set up in code (found by logback through META-INF/services) instead of a logback.xml: reading the XML
 * loaded some 300 of logback's classes before the sign-in window (docs/benchmarks.md). One line per event on standard
 * error; warnings and errors only, unless {@code -Dthreshold.log.level} names another level (an unknown name means
 * warnings); {@code -Dlogback.configurationFile} still replaces all of it. No patient data is logged:
 * code logs ids and exception types, and jOOQ's statement logging stays off.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            // Support pointed logback at a file of its own (to diagnose something): logback reads that instead.
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getProperty("threshold.log.level"), Level.WARN));
        root.addAppender(stderr);
        for (String library : List.of("org.jooq", "org.flywaydb", "org.h2")) {
            context.getLogger(library).setLevel(Level.WARN);
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
