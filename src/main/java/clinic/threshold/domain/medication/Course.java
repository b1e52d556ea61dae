package clinic.threshold.domain.medication;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the safety rules look at: one order's days on a drug, recorded and planned. {@code lastDay} is the
 * last day taken (the stop date, or the day before a plan's stop step), null while open-ended.
 */
public record Course(String key, String agent, DoseForm form, DoseUnit unit, LocalDate start, LocalDate lastDay,
                     List<Dose> doses) {
    public Course {
        doses = List.copyOf(doses);
    }

    /** A dose from a day on; {@code planned} when it comes from a plan step not yet applied. */
    public record Dose(DoseChange change, boolean planned) {
    }

    /** The order with the steps of its plans that are not yet applied. */
    public static Course of(String key, MedicationOrder order, List<MedicationPlan> plans) {
        List<Dose> doses = new ArrayList<>();
        order.doses().forEach(d -> doses.add(new Dose(d, false)));
        LocalDate last = order.stop();
        LocalDate recordedUntil = order.doses().stream().map(DoseChange::from).max(LocalDate::compareTo)
                .orElse(order.start());
        for (MedicationPlan plan : plans) {
            for (PlanStep step : plan.steps()) {
                LocalDate day = step.date(plan.startsOn());
                if (step.applied() || day.isBefore(recordedUntil)) {
                    continue;
                }
                if (step.stops()) {
                    LocalDate planned = day.minusDays(1);
                    last = last == null || planned.isBefore(last) ? planned : last;
                } else {
                    doses.add(new Dose(new DoseChange(day, step.dose(), step.frequency()), true));
                }
            }
        }
        LocalDate end = last;
        doses.sort(Comparator.comparing(d -> d.change().from()));
        List<Dose> within = doses.stream().filter(d -> end == null || !d.change().from().isAfter(end)).toList();
        return new Course(key, order.agent(), order.form(), order.unit(), order.start(), last, within);
    }

    /** The days both courses are taken, or null when they do not overlap; an open end stays open (null). */
    public LocalDate[] overlap(Course other) {
        LocalDate from = start.isAfter(other.start) ? start : other.start;
        LocalDate to = lastDay == null ? other.lastDay
                : other.lastDay == null ? lastDay : lastDay.isBefore(other.lastDay) ? lastDay : other.lastDay;
        if (to != null && to.isBefore(from)) {
            return null;
        }
        return new LocalDate[] {from, to};
    }

    /** The mg a day taken on {@code day} (recorded or planned), or null when none or not in mg. */
    public BigDecimal mgPerDayOn(LocalDate day) {
        if (day.isBefore(start) || (lastDay != null && day.isAfter(lastDay))) {
            return null;
        }
        Dose current = null;
        for (Dose d : doses) {
            if (!d.change().from().isAfter(day)) {
                current = d;
            }
        }
        return current == null ? null : current.change().mgPerDay(unit);
    }
}
