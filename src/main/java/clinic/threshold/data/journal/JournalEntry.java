package clinic.threshold.data.journal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One committed transaction: its number (also written to the database's journal mark inside the
 * transaction), its row changes in the order H2 made them, and the values of the named sequences at its
 * commit (a sequence is not a row, so a replay must move it on separately).
 */
public record JournalEntry(long seq, List<RowChange> changes, Map<String, Long> sequences) {
    static final String AUDIT_HEAD = "AUDIT_HEAD";
    static final String AUDIT_EVENT = "AUDIT_EVENT";
    private static final int FORMAT = 2;

    public JournalEntry {
        changes = List.copyOf(changes);
        sequences = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sequences));
    }

    /** The audit chain's head after this commit, if the transaction moved it. */
    public Optional<Head> head() {
        Head head = null;
        for (RowChange c : changes) {
            if (!c.delete() && AUDIT_HEAD.equals(c.table())) {
                head = new Head(((Number) c.value("LAST_SEQ")).longValue(), (String) c.value("LAST_HASH"));
            }
        }
        return Optional.ofNullable(head);
    }

    /** The previous hash recorded by this commit's first audit event, if it wrote one. */
    public Optional<String> firstPrevHash() {
        return changes.stream().filter(c -> !c.delete() && AUDIT_EVENT.equals(c.table()))
                .map(c -> (String) c.value("PREV_HASH")).findFirst();
    }

    /** An audit chain position: the sequence number and hash of the newest event. */
    public record Head(long seq, String hash) {
    }

    byte[] encode() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeLong(seq);
            out.writeInt(sequences.size());
            for (Map.Entry<String, Long> s : sequences.entrySet()) {
                ValueCodec.writeString(out, s.getKey());
                out.writeLong(s.getValue());
            }
            out.writeInt(changes.size());
            for (RowChange c : changes) {
                ValueCodec.writeString(out, c.table());
                out.writeBoolean(c.delete());
                writeNames(out, c.keyColumns());
                writeNames(out, c.columns());
                for (Object v : c.values()) {
                    ValueCodec.write(out, v);
                }
            }
        }
        return bytes.toByteArray();
    }

    static JournalEntry decode(byte[] data) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IOException("commit journal entry in unknown format " + format);
            }
            long seq = in.readLong();
            Map<String, Long> sequences = new LinkedHashMap<>();
            int nSeq = in.readInt();
            if (nSeq < 0 || nSeq > 10_000) {
                throw new IOException("implausible sequence count " + nSeq + " in the commit journal");
            }
            for (int i = nSeq; i > 0; i--) {
                sequences.put(ValueCodec.readString(in), in.readLong());
            }
            int n = in.readInt();
            if (n < 0) {
                throw new IOException("negative change count in the commit journal");
            }
            List<RowChange> changes = new ArrayList<>(Math.min(n, 1024));
            for (int i = 0; i < n; i++) {
                String table = ValueCodec.readString(in);
                boolean delete = in.readBoolean();
                List<String> keys = readNames(in);
                List<String> columns = readNames(in);
                List<Object> values = new ArrayList<>(columns.size());
                for (int j = 0; j < columns.size(); j++) {
                    values.add(ValueCodec.read(in));
                }
                changes.add(new RowChange(table, delete, columns, values, keys));
            }
            return new JournalEntry(seq, changes, sequences);
        }
    }

    private static void writeNames(DataOutputStream out, List<String> names) throws IOException {
        out.writeInt(names.size());
        for (String s : names) {
            ValueCodec.writeString(out, s);
        }
    }

    private static List<String> readNames(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 10_000) {
            throw new IOException("implausible column count " + n + " in the commit journal");
        }
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(ValueCodec.readString(in));
        }
        return names;
    }
}
