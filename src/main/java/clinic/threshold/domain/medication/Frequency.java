package clinic.threshold.domain.medication;

import java.math.BigDecimal;

/** How often a dose is taken, with the doses per day it means (for the daily total). */
public enum Frequency {
    ONCE_DAILY("1"), EVERY_MORNING("1"), AT_BEDTIME("1"), TWICE_DAILY("2"), THREE_TIMES_DAILY("3"),
    FOUR_TIMES_DAILY("4"), EVERY_OTHER_DAY("0.5"), WEEKLY("0.142857");

    private final BigDecimal perDay;

    Frequency(String perDay) {
        this.perDay = new BigDecimal(perDay);
    }

    public BigDecimal perDay() {
        return perDay;
    }
}
