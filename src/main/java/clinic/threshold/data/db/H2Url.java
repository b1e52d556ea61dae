package clinic.threshold.data.db;

/**
 * Builds the JDBC URL. Settings and why (ADR 0003): WRITE_DELAY=0 so that a commit reaches the OS before
 * commit() returns; FILE_LOCK=FILE said explicitly; IFEXISTS=TRUE once the file exists, so that a file
 * that vanishes under a running setup is an error rather than a new empty database (choosing to create a
 * clinic in an empty folder is the setup screen's job). Never AUTO_SERVER, never FILE_LOCK=NO.
 */
final class H2Url {
    static final int LOCK_TIMEOUT_MS = 30_000;

    private H2Url() {
    }

    /** H2 takes the file key before the user password, separated by a space; the user password is empty. */
    static String password(DatabaseConfig config) {
        return config.encrypted() ? config.fileKeyHex() + " " : "";
    }

    static String forConfig(DatabaseConfig config, boolean mustExist) {
        String path = config.basePath().toAbsolutePath().toString().replace('\\', '/');
        StringBuilder url = new StringBuilder("jdbc:h2:").append(config.fileSystem()).append(path)
                .append(";WRITE_DELAY=0;FILE_LOCK=FILE")
                // H2's own trace file would record failing statements, values included: patient data.
                .append(";TRACE_LEVEL_FILE=0")
                // A backup holds the audit head's lock while H2 copies the file; a save waits for it (H2's
                // default is 2 s, after which the save would fail) rather than fail during a backup.
                .append(";LOCK_TIMEOUT=").append(LOCK_TIMEOUT_MS)
                // No compaction when closing (H2 would spend up to 200 ms on it by default): compaction is
                // where H2 2.x lost data (#4247). The file is compacted by a verified dump and rebuild.
                .append(";MAX_COMPACT_TIME=0");
        if (config.encrypted()) {
            url.append(";CIPHER=AES");
        }
        if (mustExist) {
            url.append(";IFEXISTS=TRUE");
        }
        return url.toString();
    }
}
