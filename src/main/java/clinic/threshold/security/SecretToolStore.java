package clinic.threshold.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The desktop's keyring through the Secret Service (GNOME Keyring, KWallet) by its command-line client
 * {@code secret-tool}: the secret goes over standard input and comes back over standard output, never on a command
 * line other users could list. Found by {@link SecretStores} only where the client and a session bus exist.
 */
public final class SecretToolStore implements SecretStore {
    private static final long TIMEOUT_SECONDS = 20;
    private final Path command;
    private final String account;

    /** {@code account} tells this secret from others (server, database and account). */
    public SecretToolStore(Path command, String account) {
        this.command = command;
        this.account = account;
    }

    @Override
    public Optional<char[]> read() {
        byte[] out = null;
        try {
            Process p = start(List.of("lookup", "application", "threshold", "server-account", account));
            p.getOutputStream().close();
            // Waited for first, with a time limit (a keyring asking to be unlocked must not hang sign-in); a password
            // is far smaller than the pipe's buffer, so the tool never blocks on its output meanwhile.
            if (!finished(p) || p.exitValue() != 0) {
                return Optional.empty();
            }
            out = readAll(p.getInputStream());
            if (out.length == 0) {
                return Optional.empty();
            }
            int n = out.length;
            while (n > 0 && (out[n - 1] == '\n' || out[n - 1] == '\r')) {
                n--;
            }
            return Optional.of(StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(out, 0, n)).toString().toCharArray());
        } catch (IOException e) {
            return Optional.empty();
        } finally {
            Secrets.clear(out);
        }
    }

    @Override
    public void write(char[] secret) {
        byte[] plain = null;
        try {
            Process p = start(List.of("store", "--label", "Threshold: server account " + account,
                    "application", "threshold", "server-account", account));
            java.nio.ByteBuffer encoded = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(secret));
            plain = encoded.array();
            try (OutputStream in = p.getOutputStream()) {
                in.write(plain, 0, encoded.limit());
            }
            if (!finished(p) || p.exitValue() != 0) {
                throw new SecretStoreException("The keyring did not keep the server password (secret-tool ended with "
                        + (p.isAlive() ? "no answer" : "code " + p.exitValue()) + ")", null);
            }
        } catch (IOException e) {
            throw new SecretStoreException("The keyring could not be reached: " + e.getMessage(), e);
        } finally {
            Secrets.clear(plain);
        }
    }

    @Override
    public void remove() {
        try {
            Process p = start(List.of("clear", "application", "threshold", "server-account", account));
            p.getOutputStream().close();
            finished(p);
        } catch (IOException e) {
            // nothing to clear, or no keyring: the file holds the newer secret and is read as well
        }
    }

    @Override
    public String where() {
        return "the desktop keyring (Secret Service)";
    }

    private Process start(List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(command.toString());
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static boolean finished(Process p) throws IOException {
        try {
            if (p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                return true;
            }
            p.destroyForcibly();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while waiting for the keyring", e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return b.toByteArray();
        }
    }
}
