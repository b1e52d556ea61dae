package clinic.threshold.service.tms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.tms.ClinicCalendar;
import clinic.threshold.domain.tms.CoursePlanner;
import clinic.threshold.domain.tms.CourseTemplate;
import clinic.threshold.domain.tms.PlannedSession;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.domain.tms.SessionPhase;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped protocol's template plans its standard course as its numbers say, around a holiday week, and
 * around closures on an acute day, on a taper day and a holiday week inside the taper (for the accelerated
 * template, which has no taper: a closure on its last day, and a closure followed by a closed week).
 */
class ProtocolTemplatesTest {
    /** Friday 4 December 2026; the week of 21 December is closed. */
    static final LocalDate FRIDAY = LocalDate.of(2026, 12, 4);
    static final Set<LocalDate> HOLIDAYS = IntStream.range(0, 5).mapToObj(i -> LocalDate.of(2026, 12, 21).plusDays(i))
            .collect(Collectors.toSet());

    static List<Protocol> protocols() {
        return TmsSeedReference.protocols();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protocols")
    void theStandardCourseFollowsTheTemplate(Protocol p) {
        ClinicCalendar cal = ClinicCalendar.weekdays(HOLIDAYS);
        List<PlannedSession> plan = new CoursePlanner(cal).plan(p.template(), FRIDAY, p.template().standardSessions());
        assertEquals(p.template().standardSessions(), plan.size());
        assertEquals(FRIDAY, plan.get(0).date(), "a Friday start is kept");
        for (int i = 0; i < plan.size(); i++) {
            PlannedSession s = plan.get(i);
            assertEquals(i + 1, s.number());
            assertTrue(cal.isOpen(s.date()), s + " on an open day");
            assertTrue(i == 0 || !s.date().isBefore(plan.get(i - 1).date()), "in date order");
        }
        List<PlannedSession> acute = plan.stream().filter(s -> s.phase() == SessionPhase.ACUTE).toList();
        assertEquals(p.template().acuteSessions(), acute.size());
        Map<LocalDate, Long> perDay = acute.stream().collect(Collectors.groupingBy(PlannedSession::date, Collectors.counting()));
        assertTrue(perDay.values().stream().allMatch(n -> n <= p.template().sessionsPerDay()), "at most the daily rate");
        Map<LocalDate, Long> perWeek = acute.stream().collect(Collectors.groupingBy(s -> s.date().with(DayOfWeek.MONDAY),
                TreeMap::new, Collectors.counting()));
        assertTrue(perWeek.values().stream().allMatch(n -> n <= p.template().sessionsPerWeek()), "at most the weekly rate");
        // The taper: one calendar week per step after the acute phase, the holiday week skipped.
        List<Long> taperWeeks = new ArrayList<>(plan.stream().filter(s -> s.phase() == SessionPhase.TAPER)
                .collect(Collectors.groupingBy(s -> s.date().with(DayOfWeek.MONDAY), TreeMap::new, Collectors.counting()))
                .values());
        assertEquals(p.template().taperPattern().stream().map(Long::valueOf).toList(), taperWeeks);
        if (!p.template().taperPattern().isEmpty()) {
            LocalDate lastAcute = acute.get(acute.size() - 1).date();
            LocalDate firstTaper = plan.get(acute.size()).date();
            assertTrue(firstTaper.with(DayOfWeek.MONDAY).isAfter(lastAcute), "the taper starts in a later week");
        }
    }

    /** Monday 4 January 2027, the start of the closure cases. */
    static final LocalDate MONDAY = LocalDate.of(2027, 1, 4);

    enum Closure { ON_AN_ACUTE_DAY, ON_A_TAPER_DAY, HOLIDAY_WEEK_IN_THE_TAPER }

    static Stream<Arguments> closureCases() {
        return protocols().stream().flatMap(p -> Stream.of(Closure.values()).map(k -> Arguments.of(p, k)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("closureCases")
    void closuresMoveThePlanAsWorkedOutByHand(Protocol p, Closure kind) {
        CourseTemplate t = p.template();
        // The expectations below walk the open days one by one; that is the plan only while the weekly rate
        // never binds on a five-day week (true of every shipped template).
        assertTrue(t.sessionsPerWeek() >= 5 * t.sessionsPerDay(), "weekly rate binds for " + p.code());
        Set<LocalDate> closed = closures(t, kind);
        List<PlannedSession> plan = new CoursePlanner(ClinicCalendar.weekdays(closed)).plan(t, MONDAY, t.standardSessions());

        List<LocalDate> acute = acuteDays(t, closed);
        assertEquals(acute, plan.stream().filter(s -> s.phase() == SessionPhase.ACUTE).map(PlannedSession::date).toList());
        Map<LocalDate, Long> taper = plan.stream().filter(s -> s.phase() == SessionPhase.TAPER)
                .collect(Collectors.groupingBy(s -> s.date().with(DayOfWeek.MONDAY), TreeMap::new, Collectors.counting()));
        assertEquals(taperWeeks(t, acute.get(acute.size() - 1), closed), taper);
        assertEquals(t.standardSessions(), plan.size());
        for (PlannedSession s : plan) {
            assertTrue(open(s.date(), closed), s + " on an open day");
        }
        assertEquals(plan.stream().filter(s -> s.phase() == SessionPhase.TAPER).count(),
                plan.stream().filter(s -> s.phase() == SessionPhase.TAPER).map(PlannedSession::date).distinct().count(),
                "one taper session a day");

        // The case does what its name says.
        LocalDate firstClosed = closed.stream().min(LocalDate::compareTo).orElseThrow();
        if (kind == Closure.ON_AN_ACUTE_DAY || t.taperPattern().isEmpty()) {
            assertTrue(firstClosed.isAfter(acute.get(0)) && firstClosed.isBefore(acute.get(acute.size() - 1)),
                    "the closure falls inside the acute phase");
        } else {
            LocalDate firstTaperWeek = taper.keySet().iterator().next();
            LocalDate lastTaperWeek = ((TreeMap<LocalDate, Long>) taper).lastKey();
            assertTrue(!firstClosed.isBefore(firstTaperWeek) && firstClosed.isBefore(lastTaperWeek),
                    "the closure falls inside the taper");
        }
    }

    /**
     * The closed days of each case, from the course as it would run with none: acute sessions on consecutive
     * weekdays from Monday, the taper in the weeks after.
     */
    static Set<LocalDate> closures(CourseTemplate t, Closure kind) {
        List<LocalDate> plain = acuteDays(t, Set.of()).stream().distinct().toList();
        LocalDate firstTaperWeek = plain.get(plain.size() - 1).with(DayOfWeek.MONDAY).plusWeeks(1);
        Set<LocalDate> out = new HashSet<>();
        switch (kind) {
            case ON_AN_ACUTE_DAY -> out.add(plain.get(2));
            case ON_A_TAPER_DAY -> out.add(t.taperPattern().isEmpty() ? plain.get(plain.size() - 1)
                    : firstTaperWeek.plusDays(2));
            case HOLIDAY_WEEK_IN_THE_TAPER -> {
                LocalDate week = t.taperPattern().isEmpty() ? MONDAY.plusWeeks(1) : firstTaperWeek.plusWeeks(1);
                IntStream.range(0, 5).forEach(i -> out.add(week.plusDays(i)));
                if (t.taperPattern().isEmpty()) {
                    out.add(plain.get(2)); // the accelerated week loses a day, so the course runs into the closed week
                }
            }
            default -> throw new IllegalArgumentException(kind.name());
        }
        return out;
    }

    /** The acute days by hand: each open weekday from Monday takes the daily rate until the acute count is reached. */
    static List<LocalDate> acuteDays(CourseTemplate t, Set<LocalDate> closed) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = MONDAY; out.size() < t.acuteSessions(); d = d.plusDays(1)) {
            for (int k = 0; k < t.sessionsPerDay() && out.size() < t.acuteSessions() && open(d, closed); k++) {
                out.add(d);
            }
        }
        return out;
    }

    /** The taper by hand: one step a week from the week after the acute phase, a week closed whole skipped. */
    static Map<LocalDate, Long> taperWeeks(CourseTemplate t, LocalDate lastAcute, Set<LocalDate> closed) {
        Map<LocalDate, Long> out = new LinkedHashMap<>();
        LocalDate week = lastAcute.with(DayOfWeek.MONDAY).plusWeeks(1);
        for (int step : t.taperPattern()) {
            while (openDays(week, closed) == 0) {
                week = week.plusWeeks(1);
            }
            assertTrue(step <= openDays(week, closed), "no step carries over in these cases");
            out.put(week, (long) step);
            week = week.plusWeeks(1);
        }
        return new TreeMap<>(out);
    }

    static long openDays(LocalDate monday, Set<LocalDate> closed) {
        return IntStream.range(0, 7).mapToObj(monday::plusDays).filter(d -> open(d, closed)).count();
    }

    static boolean open(LocalDate d, Set<LocalDate> closed) {
        return d.getDayOfWeek().getValue() <= 5 && !closed.contains(d);
    }
}
