package clinic.threshold.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One Threshold per data folder. An OS file lock on a sidecar file fails fast and clearly, before H2 is
 * touched, and the OS releases it when the process dies, so a crash never leaves the folder locked.
 */
public final class InstanceGuard implements AutoCloseable {
    public static final String LOCK_FILE = "threshold.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private InstanceGuard(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the folder's lock, or throws {@link AlreadyRunningException} when another process holds it. */
    public static InstanceGuard acquire(Path dataDir) {
        Path file = dataDir.resolve(LOCK_FILE);
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = ch.tryLock();
            if (lock == null) {
                ch.close();
                throw new AlreadyRunningException(dataDir);
            }
            return new InstanceGuard(ch, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(ch);
            throw new AlreadyRunningException(dataDir);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new DataFolder.DataFolderException(dataDir, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // the OS drops the lock when the channel closes anyway
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch == null) {
            return;
        }
        try {
            ch.close();
        } catch (IOException e) {
            // nothing more to release
        }
    }

    /** Another Threshold process is using this data folder. */
    public static final class AlreadyRunningException extends RuntimeException {
        private final transient Path dataDir;

        AlreadyRunningException(Path dataDir) {
            super("Threshold is already running on this data folder: " + dataDir);
            this.dataDir = dataDir;
        }

        public Path dataDir() {
            return dataDir;
        }
    }
}
