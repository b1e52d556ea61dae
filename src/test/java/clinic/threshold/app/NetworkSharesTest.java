package clinic.threshold.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkSharesTest {

    @Test
    void networkFileSystemTypesAndUncPathsAreRecognised() {
        for (String t : new String[] {"nfs", "NFS4", "cifs", "smb3", "fuse.sshfs", "9p"}) {
            assertTrue(NetworkShares.isNetworkType(t), t);
        }
        for (String t : new String[] {"ext4", "xfs", "btrfs", "NTFS", "apfs", "tmpfs", "overlay", null}) {
            assertFalse(NetworkShares.isNetworkType(t), String.valueOf(t));
        }
        assertTrue(NetworkShares.isUncPath("\\\\clinic-nas\\share\\threshold"));
        assertTrue(NetworkShares.isUncPath("//clinic-nas/share/threshold"));
        assertFalse(NetworkShares.isUncPath("/home/clin/.local/share/threshold"));
        assertFalse(NetworkShares.isUncPath("C:\\Users\\clin\\AppData\\Roaming\\Threshold"));
    }

    @Test
    void aLocalFolderIsNotANetworkShareEvenBeforeItExists(@TempDir Path dir) {
        assertFalse(NetworkShares.isNetwork(dir));
        assertFalse(NetworkShares.isNetwork(dir.resolve("not/yet/made")));
    }

    @Test
    void aNetworkFolderIsExplainedWithTheOverride() {
        String text = StartupErrors.describe(new NetworkShares.NetworkFolderException(Path.of("/mnt/nas/threshold")));
        assertTrue(text.contains("network share") && text.contains("--allow-network-folder"), text);
    }
}
