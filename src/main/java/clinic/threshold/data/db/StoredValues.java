package clinic.threshold.data.db;

import clinic.threshold.domain.common.DataDamagedException;

/**
 * Turns stored codes back into enums. Only this app writes them, so a code it does not know means the
 * file changed underneath it (a damaged page that still decoded): reported as damage, not as a bug.
 */
public final class StoredValues {
    private StoredValues() {
    }

    public static <E extends Enum<E>> E enumOf(Class<E> type, String stored) {
        try {
            return Enum.valueOf(type, stored);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DataDamagedException(new IllegalStateException("unknown stored " + type.getSimpleName()));
        }
    }

    /** A stored decimal without its padding zeros and without an exponent: 450.000 is 450, not 4.5E+2. */
    public static java.math.BigDecimal plain(java.math.BigDecimal d) {
        if (d == null) {
            return null;
        }
        java.math.BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
