package clinic.threshold.service.schedule;

import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.schedule.HoursRow;
import clinic.threshold.domain.schedule.TimeRange;
import clinic.threshold.domain.schedule.WeeklyHours;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Turns typed hours into {@link WeeklyHours}, refusing a stretch that ends before it starts or overlaps another. */
final class HoursForm {
    private HoursForm() {
    }

    static WeeklyHours parse(String field, List<HoursRow> rows) {
        List<Violation> problems = new ArrayList<>();
        Map<DayOfWeek, List<TimeRange>> days = new EnumMap<>(DayOfWeek.class);
        for (HoursRow r : rows) {
            if (r.day() == null || r.from() == null || r.to() == null) {
                problems.add(Violation.of(field, "schedule.error.hoursIncomplete"));
            } else if (!r.to().isAfter(r.from())) {
                problems.add(Violation.of(field, "schedule.error.hoursOrder", r.day(), r.from(), r.to()));
            } else {
                days.computeIfAbsent(r.day(), d -> new ArrayList<>()).add(new TimeRange(r.from(), r.to()));
            }
        }
        days.forEach((day, ranges) -> {
            ranges.sort(Comparator.comparing(TimeRange::from));
            for (int i = 1; i < ranges.size(); i++) {
                if (ranges.get(i).from().isBefore(ranges.get(i - 1).to())) {
                    problems.add(Violation.of(field, "schedule.error.hoursOverlap", day, ranges.get(i - 1).from(),
                            ranges.get(i - 1).to(), ranges.get(i).from(), ranges.get(i).to()));
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new WeeklyHours(days);
    }
}
