package clinic.threshold.data.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.i18n.Messages;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The workstation's connection settings for a clinic on a PostgreSQL server: every bad field named, TLS by default. */
class ServerConnectionTest {

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void aFullSettingRoundTripsAndTlsIsCheckedByDefault() {
        ServerConnection c = ServerConnection.fromProperties(props("kind", "postgresql", "host", "db.clinic.local",
                "database", "threshold", "user", "threshold_app"));
        assertEquals(5432, c.port());
        assertEquals("verify-full", c.sslMode());
        assertEquals("jdbc:postgresql://db.clinic.local:5432/threshold", c.url());
        assertEquals(c, ServerConnection.fromProperties(c.toProperties()));
        assertTrue(!c.tlsOff());
    }

    @Test
    void noKindOrEmbeddedMeansTheEmbeddedFile() {
        assertNull(ServerConnection.fromProperties(new Properties()));
        assertNull(ServerConnection.fromProperties(props("kind", "Embedded")));
    }

    @Test
    void everyBadFieldIsNamedAtOnceWithAClearMessage() {
        ValidationException e = assertThrows(ValidationException.class, () -> ServerConnection.fromProperties(props(
                "kind", "postgresql", "host", "bad host!", "port", "54x2", "database", "1st", "user", "",
                "sslmode", "prefer")));
        assertEquals(List.of("host", "port", "database", "user", "sslMode"),
                e.violations().stream().map(Violation::field).toList());
        for (Violation v : e.violations()) {
            String text = Messages.describe(v);
            assertTrue(!text.isBlank() && !text.contains("server.error"), v.messageKey() + " has its words: " + text);
        }
        assertTrue(Messages.describe(e.violations().get(4)).contains("verify-full"));
    }

    @Test
    void anUnknownKindIsRefused() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> ServerConnection.fromProperties(props("kind", "mysql")));
        assertEquals("server.error.kind", e.violations().get(0).messageKey());
    }

    @Test
    void hostsMayBeNamesOrAddresses() {
        for (String host : List.of("localhost", "10.0.0.5", "db-1.example.org", "[::1]")) {
            assertEquals(host, new ServerConnection(host, 5432, "threshold", "app", "require").host());
        }
    }
}
