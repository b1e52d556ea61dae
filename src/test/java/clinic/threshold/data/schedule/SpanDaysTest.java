package clinic.threshold.data.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import clinic.threshold.domain.schedule.AppointmentStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The calendar's rule, a day at a time, worked by hand: a course day's appointments in time order take its delivered
 * sessions, then its missed ones; cancelled appointments and visits of no course take none; days with sessions and
 * no appointments, and appointments on days without sessions, change nothing; the last day is settled too.
 */
class SpanDaysTest {
    static final LocalDate MON = LocalDate.of(2026, 11, 2);
    static final LocalDate TUE = MON.plusDays(1);
    static final LocalDate WED = MON.plusDays(2);
    static final LocalDate THU = MON.plusDays(3);

    private static AppointmentRepository.Span span(long id, Long course, LocalDate day, int hour, AppointmentStatus stored) {
        return new AppointmentRepository.Span(id, 1, course, 1L, null, "P", day, LocalTime.of(hour, 0), 30, stored, Instant.EPOCH);
    }

    @Test
    void eachDaysSessionsGoToThatDaysAppointmentsInTimeOrder() {
        List<AppointmentRepository.Span> spans = new ArrayList<>(List.of(
                span(1, 7L, MON, 8, AppointmentStatus.BOOKED),      // Monday, course 7: first of three
                span(2, null, MON, 9, AppointmentStatus.ARRIVED),   // a visit, no course
                span(3, 7L, MON, 10, AppointmentStatus.CANCELLED),  // cancelled: takes no session
                span(4, 7L, MON, 11, AppointmentStatus.BOOKED),     // second: the missed one
                span(5, 7L, MON, 12, AppointmentStatus.ARRIVED),    // third: no session left, keeps its status
                span(6, 8L, TUE, 8, AppointmentStatus.BOOKED),      // Tuesday has no sessions
                span(7, 8L, THU, 8, AppointmentStatus.BOOKED),      // Thursday, the last day: delivered
                span(8, 9L, THU, 9, AppointmentStatus.BOOKED)));    // another course that day: missed
        spans.sort(SpanDays.IN_DAY_ORDER);
        SpanDays days = new SpanDays(spans);
        days.session(MON, 7, "MISSED");
        days.session(MON, 7, "DELIVERED");
        days.session(MON, 8, "DELIVERED");   // a course with no appointment that day
        days.session(WED, 8, "DELIVERED");   // a day with no appointments
        days.session(THU, 9, "CANCELLED");
        days.session(THU, 8, "DELIVERED");
        days.finish();
        assertEquals(List.of(AppointmentStatus.DONE, AppointmentStatus.ARRIVED, AppointmentStatus.CANCELLED, AppointmentStatus.MISSED,
                AppointmentStatus.ARRIVED, AppointmentStatus.BOOKED, AppointmentStatus.DONE, AppointmentStatus.MISSED),
                spans.stream().map(AppointmentRepository.Span::status).toList());
    }

    @Test
    void sessionsOutOfDayOrderAreRefusedNotMiscounted() {
        SpanDays days = new SpanDays(new ArrayList<>(List.of(span(1, 7L, MON, 8, AppointmentStatus.BOOKED))));
        days.session(TUE, 7, "DELIVERED");
        assertThrows(IllegalStateException.class, () -> days.session(MON, 7, "DELIVERED"));
    }
}
