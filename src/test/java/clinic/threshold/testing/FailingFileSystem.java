package clinic.threshold.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system ("failk:") over the real disk that fails the k-th write to a database file once armed,
 * as a full disk or a failing drive would: the write does not happen and an {@link IOException} is thrown.
 * Every later write fails too (a dead disk does not recover mid-run). Register once with {@link #install()}.
 */
public final class FailingFileSystem extends FilePathWrapper {
    public static final String PREFIX = "failk:";
    private static final AtomicInteger COUNTDOWN = new AtomicInteger(-1);
    private static final AtomicInteger WRITES = new AtomicInteger();
    private static volatile boolean failed;

    public static synchronized void install() {
        FilePath.register(new FailingFileSystem());
    }

    /** Lets {@code k - 1} more writes through and fails the k-th and all after it. */
    public static void arm(int k) {
        failed = false;
        WRITES.set(0);
        COUNTDOWN.set(k);
    }

    public static void disarm() {
        COUNTDOWN.set(-1);
        failed = false;
    }

    /** Whether a write has been failed since the last {@link #arm}. */
    public static boolean tripped() {
        return failed;
    }

    public static int writesSinceArmed() {
        return WRITES.get();
    }

    @Override
    public String getScheme() {
        return "failk";
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        FileChannel base = getBase().open(mode);
        return name.endsWith(".mv.db") ? new Channel(base) : base;
    }

    private static void beforeWrite() throws IOException {
        if (failed) {
            throw new IOException("simulated I/O failure (disk gone)");
        }
        if (COUNTDOWN.get() > 0) {
            WRITES.incrementAndGet();
            if (COUNTDOWN.decrementAndGet() == 0) {
                failed = true;
                throw new IOException("simulated I/O failure at write " + WRITES.get());
            }
        }
    }

    private static final class Channel extends FileBase {
        private final FileChannel base;

        Channel(FileChannel base) {
            this.base = base;
        }

        @Override
        public long position() throws IOException {
            return base.position();
        }

        @Override
        public FileChannel position(long p) throws IOException {
            base.position(p);
            return this;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return base.read(dst);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return base.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            beforeWrite();
            return base.write(src);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            beforeWrite();
            return base.write(src, position);
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            beforeWrite();
            base.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            if (failed) {
                throw new IOException("simulated I/O failure (disk gone)");
            }
            base.force(metaData);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            base.close();
        }
    }
}
