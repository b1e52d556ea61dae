package clinic.threshold.data.db;

import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a clinic on a PostgreSQL server lives (issue 13): host, port, database, account and how TLS is checked. Kept
 * per workstation in {@code database.properties} beside the data folder's other files; it holds no password. TLS
 * with the server's certificate and name checked ({@code verify-full}) is the default.
 */
public record ServerConnection(String host, int port, String database, String user, String sslMode) {
    public static final int DEFAULT_PORT = 5432;
    public static final String DEFAULT_SSL_MODE = "verify-full";
    /** PostgreSQL's sslmode values that Threshold accepts; "allow" and "prefer" could fall back to no TLS silently. */
    public static final Set<String> SSL_MODES = Set.of("verify-full", "verify-ca", "require", "disable");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\\[[0-9A-Fa-f:]+]");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");
    static final String KIND = "kind";
    static final String POSTGRESQL = "postgresql";

    /** Checks every field and names each one that is wrong; nothing is kept from a connection that fails. */
    public ServerConnection {
        List<Violation> problems = new ArrayList<>();
        if (host == null || !HOST.matcher(host.strip()).matches()) {
            problems.add(Violation.of("host", "server.error.host"));
        }
        if (port < 1 || port > 65_535) {
            problems.add(Violation.of("port", "server.error.port"));
        }
        if (database == null || !NAME.matcher(database.strip()).matches()) {
            problems.add(Violation.of("database", "server.error.database"));
        }
        if (user == null || !NAME.matcher(user.strip()).matches()) {
            problems.add(Violation.of("user", "server.error.user"));
        }
        if (sslMode == null || !SSL_MODES.contains(sslMode.strip().toLowerCase(Locale.ROOT))) {
            problems.add(Violation.of("sslMode", "server.error.sslMode"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        host = host.strip();
        database = database.strip();
        user = user.strip();
        sslMode = sslMode.strip().toLowerCase(Locale.ROOT);
    }

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/:?]+|\\[[0-9A-Fa-f:]+])(?::(\\d{1,5}))?/([^/?]+)");

    /**
     * A connection from a JDBC URL of the form {@code jdbc:postgresql://host[:port]/database} (parameters after the
     * database are not accepted: the account and TLS are set apart, so a password can never ride in the URL).
     */
    public static ServerConnection fromUrl(String url, String user, String sslMode) {
        java.util.regex.Matcher m = URL.matcher(url == null ? "" : url.strip());
        if (!m.matches()) {
            throw new ValidationException(Violation.of("url", "server.error.url"));
        }
        return new ServerConnection(m.group(1), m.group(2) == null ? DEFAULT_PORT : Integer.parseInt(m.group(2)),
                m.group(3), user, sslMode);
    }

    /** The JDBC URL (no account or password in it: those are handed over separately). */
    public String url() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Whether patient records would cross the network in clear. */
    public boolean tlsOff() {
        return sslMode.equals("disable");
    }

    /** As stored in {@code database.properties}. */
    public Properties toProperties() {
        Properties p = new Properties();
        p.setProperty(KIND, POSTGRESQL);
        p.setProperty("host", host);
        p.setProperty("port", Integer.toString(port));
        p.setProperty("database", database);
        p.setProperty("user", user);
        p.setProperty("sslmode", sslMode);
        return p;
    }

    /**
     * Reads a connection from {@code database.properties}'s contents; null when they describe the embedded database
     * (no kind, or "embedded"). A port that is not a number, an unknown kind or a missing field is named.
     */
    public static ServerConnection fromProperties(Properties p) {
        String kind = p.getProperty(KIND, "embedded").strip().toLowerCase(Locale.ROOT);
        if (kind.equals("embedded")) {
            return null;
        }
        if (!kind.equals(POSTGRESQL)) {
            throw new ValidationException(Violation.of("kind", "server.error.kind"));
        }
        int port;
        try {
            port = Integer.parseInt(p.getProperty("port", Integer.toString(DEFAULT_PORT)).strip());
        } catch (NumberFormatException e) {
            port = -1; // named by the constructor's check, with the other fields
        }
        return new ServerConnection(p.getProperty("host"), port, p.getProperty("database"), p.getProperty("user"),
                p.getProperty("sslmode", DEFAULT_SSL_MODE));
    }
}
