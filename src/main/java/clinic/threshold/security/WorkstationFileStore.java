package clinic.threshold.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret encrypted (AES-256-GCM) in the data folder under a random key kept in the operating-system user's own
 * profile, readable by that user only: for workstations without a credential store. A copy of the data folder alone
 * does not reveal the secret, and a file made for another server (the label is bound in) does not decrypt.
 */
public final class WorkstationFileStore implements SecretStore {
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final Path file;
    private final Path keyFile;
    private final String label;

    /** {@code label} names what the secret opens (server, database and account). */
    public WorkstationFileStore(Path file, Path keyFile, String label) {
        this.file = file;
        this.keyFile = keyFile;
        this.label = label;
    }

    @Override
    public Optional<char[]> read() {
        if (!Files.exists(file) || !Files.exists(keyFile)) {
            return Optional.empty();
        }
        byte[] key = null;
        byte[] plain = null;
        try {
            byte[] sealed = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            key = Files.readAllBytes(keyFile);
            Cipher c = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(sealed, IV_BYTES));
            plain = c.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
            return Optional.of(StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(plain)).toString().toCharArray());
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            // A file from another workstation or server, or altered: as good as none; the administrator enters it again.
            return Optional.empty();
        } finally {
            Secrets.clear(key);
            Secrets.clear(plain);
        }
    }

    @Override
    public void write(char[] secret) {
        byte[] key = null;
        byte[] plain = null;
        try {
            key = workstationKey();
            byte[] iv = KeyWrap.random(IV_BYTES);
            java.nio.ByteBuffer encoded = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(secret));
            plain = encoded.array();
            int length = encoded.limit();
            byte[] body = cipher(Cipher.ENCRYPT_MODE, key, iv).doFinal(plain, 0, length);
            byte[] sealed = new byte[IV_BYTES + body.length];
            System.arraycopy(iv, 0, sealed, 0, IV_BYTES);
            System.arraycopy(body, 0, sealed, IV_BYTES, body.length);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, Base64.getEncoder().encodeToString(sealed) + "\n", StandardCharsets.US_ASCII);
            ownerOnly(tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | GeneralSecurityException e) {
            throw new SecretStoreException("The server password could not be saved in " + file + ": " + e.getMessage(), e);
        } finally {
            Secrets.clear(key);
            Secrets.clear(plain);
        }
    }

    /** Whether the file exists (it may still be unreadable here: another user's, another server's). */
    public boolean holdsOne() {
        return Files.exists(file);
    }

    @Override
    public void remove() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale file the keyring's newer secret takes precedence over anyway
        }
    }

    @Override
    public String where() {
        return "an encrypted file in the data folder, with its key in this computer user's profile (" + keyFile + ")";
    }

    private byte[] workstationKey() throws IOException {
        if (Files.exists(keyFile)) {
            return Files.readAllBytes(keyFile);
        }
        Files.createDirectories(keyFile.getParent());
        try {
            Files.setPosixFilePermissions(keyFile.getParent(), PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // Windows: the profile folder is the user's own already
        }
        byte[] key = KeyWrap.random(KEY_BYTES);
        Path tmp = keyFile.resolveSibling(keyFile.getFileName() + ".tmp");
        Files.write(tmp, key);
        ownerOnly(tmp);
        Files.move(tmp, keyFile, StandardCopyOption.ATOMIC_MOVE);
        return key;
    }

    private Cipher cipher(int mode, byte[] key, byte[] iv) throws GeneralSecurityException {
        if (key.length != KEY_BYTES) {
            throw new GeneralSecurityException("the workstation key is not " + KEY_BYTES + " bytes");
        }
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        c.updateAAD(("threshold server password|" + label).getBytes(StandardCharsets.UTF_8));
        return c;
    }

    private static void ownerOnly(Path p) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the user's profile folder's own access rules apply
        }
    }
}
