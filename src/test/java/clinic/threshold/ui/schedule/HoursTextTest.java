package clinic.threshold.ui.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.schedule.HoursRow;
import clinic.threshold.domain.schedule.TimeRange;
import clinic.threshold.domain.schedule.WeeklyHours;
import clinic.threshold.ui.common.DialogFields;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HoursTextTest {

    @Test
    void rangesOfWeekdaysAndBreaksAreReadAndWrittenBack() throws Exception {
        List<HoursRow> rows = HoursText.parse("Mon-Thu 07:00-12:00\nmon-thu 13:00-19:00\nFri 7:30-15:00\n\n");
        assertEquals(9, rows.size());
        assertEquals(new HoursRow(DayOfWeek.FRIDAY, LocalTime.of(7, 30), LocalTime.of(15, 0)), rows.get(8));
        Map<DayOfWeek, List<TimeRange>> days = new EnumMap<>(DayOfWeek.class);
        for (HoursRow r : rows) {
            days.computeIfAbsent(r.day(), d -> new ArrayList<>()).add(new TimeRange(r.from(), r.to()));
        }
        assertEquals("Mon-Thu 07:00-12:00\nMon-Thu 13:00-19:00\nFri 07:30-15:00", HoursText.format(new WeeklyHours(days)));
    }

    @Test
    void aLineThatIsNotHoursSaysWhichLine() {
        var e = assertThrows(DialogFields.InputException.class, () -> HoursText.parse("Mon-Fri 07:00-19:00\nweekdays 9 to 5"));
        assertTrue(e.getMessage().startsWith("line 2"), e.getMessage());
        assertThrows(DialogFields.InputException.class, () -> HoursText.parse("Fri-Mon 07:00-19:00"));
        assertThrows(DialogFields.InputException.class, () -> HoursText.parse("Mon 25:00-26:00"));
    }
}
