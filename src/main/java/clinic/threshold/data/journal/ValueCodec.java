package clinic.threshold.data.journal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Writes the column values H2 hands to a trigger in a small tagged binary form and reads them back as the
 * same Java types, so that a replayed row binds exactly as it was stored. A type it does not know is an
 * error at write time, never a value silently turned into text.
 */
final class ValueCodec {
    private ValueCodec() {
    }

    private static final java.util.Set<Class<?>> TYPES = java.util.Set.of(String.class, Long.class, Integer.class,
            Short.class, Boolean.class, BigDecimal.class, Double.class, Float.class, LocalDate.class,
            java.sql.Date.class, LocalTime.class, java.sql.Time.class, LocalDateTime.class, java.sql.Timestamp.class,
            OffsetDateTime.class, byte[].class, UUID.class, Byte.class, java.math.BigInteger.class);

    /** True for null and every type {@link #write} can store. */
    static boolean supports(Object v) {
        return v == null || TYPES.contains(v.getClass());
    }

    static void write(DataOutputStream out, Object v) throws IOException {
        if (v == null) {
            out.writeByte(0);
        } else if (v instanceof String s) {
            out.writeByte(1);
            writeString(out, s);
        } else if (v instanceof Long l) {
            out.writeByte(2);
            out.writeLong(l);
        } else if (v instanceof Integer i) {
            out.writeByte(3);
            out.writeInt(i);
        } else if (v instanceof Short s) {
            out.writeByte(4);
            out.writeShort(s);
        } else if (v instanceof Boolean b) {
            out.writeByte(5);
            out.writeBoolean(b);
        } else if (v instanceof BigDecimal d) {
            out.writeByte(6);
            writeString(out, d.toString());
        } else if (v instanceof Double d) {
            out.writeByte(7);
            out.writeDouble(d);
        } else if (v instanceof Float f) {
            out.writeByte(8);
            out.writeFloat(f);
        } else if (v instanceof LocalDate d) {
            out.writeByte(9);
            writeString(out, d.toString());
        } else if (v instanceof java.sql.Date d) {
            write(out, d.toLocalDate());
        } else if (v instanceof LocalTime t) {
            out.writeByte(10);
            writeString(out, t.toString());
        } else if (v instanceof java.sql.Time t) {
            write(out, t.toLocalTime());
        } else if (v instanceof LocalDateTime t) {
            out.writeByte(11);
            writeString(out, t.toString());
        } else if (v instanceof java.sql.Timestamp t) {
            write(out, t.toLocalDateTime());
        } else if (v instanceof OffsetDateTime t) {
            out.writeByte(12);
            writeString(out, t.toString());
        } else if (v instanceof byte[] b) {
            out.writeByte(13);
            out.writeInt(b.length);
            out.write(b);
        } else if (v instanceof UUID u) {
            out.writeByte(14);
            out.writeLong(u.getMostSignificantBits());
            out.writeLong(u.getLeastSignificantBits());
        } else if (v instanceof Byte b) {
            out.writeByte(15);
            out.writeByte(b);
        } else if (v instanceof java.math.BigInteger b) {
            out.writeByte(16);
            writeString(out, b.toString());
        } else {
            throw new IOException("the commit journal cannot store a value of type " + v.getClass().getName());
        }
    }

    static Object read(DataInputStream in) throws IOException {
        int tag = in.readUnsignedByte();
        return switch (tag) {
            case 0 -> null;
            case 1 -> readString(in);
            case 2 -> in.readLong();
            case 3 -> in.readInt();
            case 4 -> in.readShort();
            case 5 -> in.readBoolean();
            case 6 -> new BigDecimal(readString(in));
            case 7 -> in.readDouble();
            case 8 -> in.readFloat();
            case 9 -> LocalDate.parse(readString(in));
            case 10 -> LocalTime.parse(readString(in));
            case 11 -> LocalDateTime.parse(readString(in));
            case 12 -> OffsetDateTime.parse(readString(in));
            case 13 -> {
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                yield b;
            }
            case 14 -> new UUID(in.readLong(), in.readLong());
            case 15 -> in.readByte();
            case 16 -> new java.math.BigInteger(readString(in));
            default -> throw new IOException("unknown value tag " + tag + " in the commit journal");
        };
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 64 * 1024 * 1024) {
            throw new IOException("implausible string length " + n + " in the commit journal");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
