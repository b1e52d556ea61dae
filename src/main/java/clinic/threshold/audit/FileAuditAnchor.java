package clinic.threshold.audit;

import clinic.threshold.domain.audit.AuditHead;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Keeps the chain head in a small file beside the database ({@code audit.head}: "seq hash"). Written by
 * replacing the file whole, so a crash leaves the old or the new head, never half of one. A head older
 * than the database's (a crash between commit and this write) is still checked against its event.
 */
public final class FileAuditAnchor implements AuditAnchor {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FileAuditAnchor.class);
    private final Path file;

    public FileAuditAnchor(Path file) {
        this.file = file;
    }

    @Override
    public synchronized Optional<AuditHead> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            String[] parts = Files.readString(file, StandardCharsets.US_ASCII).strip().split(" ");
            if (parts.length != 2) {
                return Optional.of(new AuditHead(Long.MAX_VALUE, "unreadable"));
            }
            return Optional.of(new AuditHead(Long.parseLong(parts[0]), parts[1]));
        } catch (IOException | NumberFormatException e) {
            // An unreadable anchor is itself a sign of tampering: report it as a head no trail can match.
            return Optional.of(new AuditHead(Long.MAX_VALUE, "unreadable"));
        }
    }

    @Override
    public synchronized void write(AuditHead head) {
        Optional<AuditHead> current = read();
        if (current.isPresent() && current.get().seq() != Long.MAX_VALUE && current.get().seq() >= head.seq()) {
            return; // commits can finish out of order across threads; the anchor only moves forward
        }
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tmp,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING,
                    java.nio.file.StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap((head.seq() + " " + head.hash() + "\n")
                        .getBytes(StandardCharsets.US_ASCII)));
                ch.force(true); // on disk before it replaces the old copy
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // The event itself is committed; a stale outside copy only weakens truncation detection.
            LOG.warn("Could not update the audit head copy: {}", e.getClass().getSimpleName());
        }
    }
}
