package clinic.threshold.data.db;

/**
 * Builds the JDBC URL. Settings and why (ADR 0003): WRITE_DELAY=0 so that a commit reaches the OS before
 * commit() returns; FILE_LOCK=FILE said explicitly; IFEXISTS=TRUE once the file exists, so a wrong path
 * never silently starts an empty clinic. Never AUTO_SERVER, never FILE_LOCK=NO.
 */
final class H2Url {
    private H2Url() {
    }

    static String forConfig(DatabaseConfig config, boolean mustExist) {
        String path = config.basePath().toAbsolutePath().toString().replace('\\', '/');
        StringBuilder url = new StringBuilder("jdbc:h2:file:").append(path)
                .append(";WRITE_DELAY=0;FILE_LOCK=FILE");
        if (mustExist) {
            url.append(";IFEXISTS=TRUE");
        }
        return url.toString();
    }
}
