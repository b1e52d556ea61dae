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

    private static final long MIN_CACHE_KB = 16 * 1024;
    private static final long MAX_CACHE_KB = 1024 * 1024;

    /** H2 takes the file key before the user password, separated by a space; the user password is empty. */
    static String password(DatabaseConfig config) {
        return config.encrypted() ? config.fileKeyHex() + " " : "";
    }

    /**
     * H2's page cache, in KB: a quarter of the heap, between 16 MB (H2's own default) and 1 GB. Measured on the
     * 20,000-patient clinic (docs/benchmarks.md): with 16 MB a ten-year report re-read most pages from the encrypted
     * file (adverse events 15 s); with 256 MB, 3.8 s; ten years of attendance took 7.8 s with 256 MB and 2.4 s with
     * 768 MB (ADR 0003). {@code -Dthreshold.h2CacheKb} overrides it.
     */
    static int cacheKb() {
        Integer forced = Integer.getInteger("threshold.h2CacheKb");
        if (forced != null) {
            return forced;
        }
        long quarterOfHeapKb = Runtime.getRuntime().maxMemory() / 4 / 1024;
        return (int) Math.max(MIN_CACHE_KB, Math.min(MAX_CACHE_KB, quarterOfHeapKb));
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
                .append(";CACHE_SIZE=").append(cacheKb());
        // H2's own close-time compaction (MAX_COMPACT_TIME, 200 ms) and space reuse stay at their
        // defaults. Measured (ADR 0010): without the compaction, a kill lost acknowledged saves within
        // 11 kill-restart cycles (a chunk in a reused gap breaks H2's crash recovery chain); with reuse
        // off instead, damaged files opened silently with rows missing from an index. The defaults
        // passed 150 cycles and 500 damaged files; longer runs still lose a commit about every 100 kills,
        // which the commit journal puts back (ADR 0011).
        if (config.encrypted()) {
            url.append(";CIPHER=AES");
        }
        if (mustExist) {
            url.append(";IFEXISTS=TRUE");
        }
        return url.toString();
    }
}
