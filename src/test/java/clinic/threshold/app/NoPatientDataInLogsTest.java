package clinic.threshold.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.patient.PatientQuery;
import clinic.threshold.testing.TestClinic;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A seeded patient's name and phone never reach the log, even with every logger at DEBUG. */
class NoPatientDataInLogsTest {
    static final String NAME = "Zephyrinequarry";
    static final String PHONE = "(555) 867-5309";

    @Test
    void registryWorkLogsNoPatientData(@TempDir Path dir) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger jooq = (Logger) LoggerFactory.getLogger("org.jooq");
        Level rootBefore = root.getLevel();
        Level jooqBefore = jooq.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.DEBUG);
        jooq.setLevel(Level.DEBUG);
        try (var c = TestClinic.open(dir)) {
            Patient p = c.patients().create(TestClinic.person("Ada", NAME, TestClinic.TODAY.minusYears(40), PHONE));
            c.patients().search(PatientQuery.text(NAME));
            c.patients().possibleDuplicates(p.details(), null);
            try {
                c.patients().update(p.id(), p.version(), TestClinic.person(NAME, NAME, TestClinic.TODAY.plusDays(9), PHONE)
                        .withMrn(p.mrn()));
            } catch (ValidationException expected) {
                // the rejected input must not be logged either
            }
            c.patients().voidPatient(p.id(), p.version(), "Test of " + NAME);
        } finally {
            root.detachAppender(captured);
            root.setLevel(rootBefore);
            jooq.setLevel(jooqBefore);
        }
        assertTrue(captured.list.size() > 0, "logging was captured");
        for (ILoggingEvent e : captured.list) {
            String text = e.getFormattedMessage()
                    + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()));
            assertFalse(text.contains(NAME), "patient name in log: " + e.getLoggerName());
            assertFalse(text.contains("867-5309") || text.contains("8675309"), "phone in log: " + e.getLoggerName());
        }
    }
}
