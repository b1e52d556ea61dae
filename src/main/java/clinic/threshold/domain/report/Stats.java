package clinic.threshold.domain.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** The arithmetic reports share: percentages to one decimal, means to one decimal, medians; null when undefined. */
public final class Stats {
    private Stats() {
    }

    /** {@code part} of {@code whole} in percent, one decimal, half up; null when the whole is 0. */
    public static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** Events per {@code per} units of exposure, two decimals; null without exposure. */
    public static BigDecimal rate(long events, long exposure, long per) {
        return exposure == 0 ? null : BigDecimal.valueOf(events * per).divide(BigDecimal.valueOf(exposure), 2, RoundingMode.HALF_UP);
    }

    public static BigDecimal mean(List<Integer> values) {
        if (values.isEmpty()) {
            return null;
        }
        long sum = values.stream().mapToLong(Integer::longValue).sum();
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(values.size()), 1, RoundingMode.HALF_UP);
    }

    /** The middle value (the mean of the two middle ones for an even count), one decimal. */
    public static BigDecimal median(List<Integer> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Integer> s = values.stream().sorted().toList();
        int n = s.size();
        BigDecimal mid = n % 2 == 1 ? BigDecimal.valueOf(s.get(n / 2))
                : BigDecimal.valueOf(s.get(n / 2 - 1) + s.get(n / 2)).divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP);
        return mid.setScale(1, RoundingMode.HALF_UP);
    }
}
