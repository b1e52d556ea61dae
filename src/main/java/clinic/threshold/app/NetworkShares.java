package clinic.threshold.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Tells whether a data folder sits on a network file system. H2's file lock is not reliable there and
 * corruption has been reported (reliability-security.md B.1), so such a folder is refused unless an
 * administrator explicitly allows it (--allow-network-folder).
 */
public final class NetworkShares {
    /** File-system types, as the operating system names them, that are network or remote mounts. */
    static final Set<String> NETWORK_TYPES = Set.of("nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs",
            "fuse.sshfs", "sshfs", "davfs", "fuse.davfs2", "9p", "afs", "ncpfs", "glusterfs", "fuse.glusterfs",
            "ceph", "fuse.rclone", "webdav");

    private NetworkShares() {
    }

    /** True when {@code dir} (or its nearest existing parent) is on a network file system or a UNC path. */
    public static boolean isNetwork(Path dir) {
        if (isUncPath(dir.toString())) {
            return true;
        }
        Path p = dir.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return false;
        }
        try {
            return isNetworkType(Files.getFileStore(p).type());
        } catch (IOException e) {
            return false;
        }
    }

    static boolean isNetworkType(String type) {
        return type != null && NETWORK_TYPES.contains(type.toLowerCase(Locale.ROOT));
    }

    static boolean isUncPath(String path) {
        return path.startsWith("\\\\") || path.startsWith("//");
    }

    /** The data folder is on a network share and nobody allowed that. */
    public static final class NetworkFolderException extends RuntimeException {
        private final transient Path dir;

        NetworkFolderException(Path dir) {
            super("Data folder on a network share: " + dir);
            this.dir = dir;
        }

        public Path dir() {
            return dir;
        }
    }
}
