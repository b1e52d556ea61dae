package clinic.threshold.service.security;

/**
 * A PostgreSQL server's address as an administrator types it (issue 13): host, port, database, the clinic's account
 * on the server and the TLS mode. Checked when connecting; every wrong field is named.
 */
public record ServerFields(String host, String port, String database, String user, String tls) {
    /** The TLS modes offered, strictest first; the first is the default. */
    public static final java.util.List<String> TLS_MODES = java.util.List.of("verify-full", "verify-ca", "require",
            "disable");

    /** An empty form with the usual port and the strictest TLS. */
    public static ServerFields blank() {
        return new ServerFields("", "5432", "threshold", "threshold", TLS_MODES.get(0));
    }
}
