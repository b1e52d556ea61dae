package clinic.threshold.service.tms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.tms.ClinicCalendar;
import clinic.threshold.domain.tms.CoursePlanner;
import clinic.threshold.domain.tms.PlannedSession;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.domain.tms.SessionPhase;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped protocol's template plans its standard course as its numbers say, around a holiday week. */
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
}
