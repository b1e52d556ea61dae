package clinic.threshold.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a workstation keeps its server password (issue 13, ADR 0024): the desktop keyring, or an encrypted file. */
class SecretStoresTest {
    private static final String ACCOUNT = "clinic_app@db.clinic.local:5432/threshold";
    private static final char[] SECRET = "s3rver pässword with spaces".toCharArray();
    @TempDir
    Path dir;

    @Test
    void theFileStoreKeepsTheSecretEncryptedUnderAKeyInTheUsersProfile() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("data"));
        Path key = dir.resolve("home/.threshold/workstation.key");
        WorkstationFileStore store = new WorkstationFileStore(folder.resolve("server.secret"), key, ACCOUNT);
        assertTrue(store.read().isEmpty(), "nothing kept yet");
        store.write(SECRET.clone());
        assertArrayEquals(SECRET, store.read().orElseThrow());
        String onDisk = Files.readString(folder.resolve("server.secret"), StandardCharsets.US_ASCII);
        assertFalse(onDisk.contains("pässword") || onDisk.contains("s3rver"), "not in clear: " + onDisk);
        assertEquals(32, Files.size(key));
        if (Files.getFileStore(key).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    folder.resolve("server.secret"))));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent())));
        }
        // The data folder copied to a computer (or user) with another key, or the file kept for another server: nothing.
        assertTrue(new WorkstationFileStore(folder.resolve("server.secret"), dir.resolve("other/workstation.key"),
                ACCOUNT).read().isEmpty());
        new WorkstationFileStore(dir.resolve("scratch.secret"), dir.resolve("other/workstation.key"), ACCOUNT)
                .write("x".toCharArray()); // makes the other key
        assertTrue(new WorkstationFileStore(folder.resolve("server.secret"), dir.resolve("other/workstation.key"),
                ACCOUNT).read().isEmpty(), "another key does not open it");
        assertTrue(new WorkstationFileStore(folder.resolve("server.secret"), key, "someone@else:5432/threshold").read()
                .isEmpty(), "bound to its server and account");
        store.write("a new password".toCharArray());
        assertArrayEquals("a new password".toCharArray(), store.read().orElseThrow(), "replaced whole");
    }

    /** A stand-in for secret-tool: keeps one secret per attribute set in a folder and logs its arguments; {@code refused}: the commands it fails (a shell pattern). */
    private Path fakeSecretTool(String refused) throws Exception {
        Path script = dir.resolve("secret-tool");
        Path vault = Files.createDirectories(dir.resolve("keyring"));
        Files.writeString(script, "#!/bin/sh\n"
                + "echo \"$@\" >> '" + dir.resolve("args.log") + "'\n"
                + "case \"$1\" in " + (refused.isEmpty() ? "none" : refused) + ") exit 1 ;; esac\n" // commands it refuses
                + "cmd=$1; shift\n"
                + "if [ \"$cmd\" = store ]; then shift 2; fi\n"
                + "key=$(echo \"$@\" | tr -c 'A-Za-z0-9' '_')\n"
                + "case $cmd in\n"
                + "  store) cat > '" + vault + "'/$key ;;\n"
                + "  lookup) [ -f '" + vault + "'/$key ] && cat '" + vault + "'/$key || exit 1 ;;\n"
                + "  clear) rm -f '" + vault + "'/$key ;;\n"
                + "esac\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    void theKeyringGetsTheSecretOverStandardInputNeverOnTheCommandLine() throws Exception {
        assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "a shell script stands in for secret-tool");
        SecretToolStore store = new SecretToolStore(fakeSecretTool(""), ACCOUNT);
        assertTrue(store.read().isEmpty());
        store.write(SECRET.clone());
        assertArrayEquals(SECRET, store.read().orElseThrow());
        String args = Files.readString(dir.resolve("args.log"));
        assertTrue(args.contains("store --label") && args.contains(ACCOUNT), args);
        assertFalse(args.contains("pässword") || args.contains("s3rver"), "the secret is not an argument: " + args);
    }

    @Test
    void aDesktopWithAKeyringUsesItAndOneThatRefusesFallsBackToTheFile() throws Exception {
        assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "a shell script stands in for secret-tool");
        Path folder = Files.createDirectories(dir.resolve("data"));
        Path tool = fakeSecretTool("store");
        Map<String, String> desktop = Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus",
                "PATH", tool.getParent().toString());
        SecretStore refusing = SecretStores.forServer(folder, dir.resolve("home"), ACCOUNT, desktop);
        refusing.write(SECRET.clone());
        assertTrue(Files.exists(folder.resolve(SecretStores.FILE)), "the keyring refused: kept in the file");
        assertTrue(refusing.where().contains("encrypted file"), refusing.where());
        assertArrayEquals(SECRET, refusing.read().orElseThrow());

        assertInstanceOf(WorkstationFileStore.class, SecretStores.forServer(folder, dir.resolve("home"), ACCOUNT,
                Map.of("PATH", tool.getParent().toString())), "no desktop session: no keyring is tried");
        Files.delete(tool);
        fakeSecretTool("");
        SecretStore keyring = SecretStores.forServer(folder, dir.resolve("home"), ACCOUNT, desktop);
        keyring.write("changed on the server".toCharArray());
        assertFalse(Files.exists(folder.resolve(SecretStores.FILE)), "the keyring kept it: the older file copy is gone");
        assertTrue(keyring.where().contains("keyring"), keyring.where());
        assertArrayEquals("changed on the server".toCharArray(), keyring.read().orElseThrow());

        Files.delete(tool);
        fakeSecretTool("store|clear"); // the keyring refuses to keep the new one and to forget the old: the file wins
        SecretStore again = SecretStores.forServer(folder, dir.resolve("home"), ACCOUNT, desktop);
        again.write("changed once more".toCharArray());
        assertArrayEquals("changed once more".toCharArray(), again.read().orElseThrow());
    }
}
