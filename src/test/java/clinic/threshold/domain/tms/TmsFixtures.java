package clinic.threshold.domain.tms;

import clinic.threshold.domain.history.Confidence;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** Small builders for the TMS domain tests. */
final class TmsFixtures {
    static final TmsRules RULES = new TmsRules(7, 7, 3, 14, 10, 50, 30, 10);
    static final Protocol TEN_HZ = new Protocol("10HZ", "Standard 10 Hz", new BigDecimal(10), 120, 100, 120, 3000,
            new BigDecimal(4), new BigDecimal(26), 75, new BigDecimal("37.5"), 50, 90, CoursePlannerTest.STANDARD, "PHQ9",
            7, false, true, Confidence.CONFIRMED, "test", 0);
    /** The terms a course on {@link #TEN_HZ} keeps from its start. */
    static final CourseTerms TERMS = CourseTerms.of(TEN_HZ);
    static final Device DEVICE = new Device("DEV1", "Stimulator 1", "Figure-8", 100, true, Confidence.UNCONFIRMED, "test");

    private TmsFixtures() {
    }

    static Course course(LocalDate start, int planned, Authorization auth) {
        return new Course(1, 1, "10HZ", "Standard 10 Hz", CourseType.INITIAL, start, "MDD", planned,
                CoursePlannerTest.STANDARD, 3000, 120, TERMS, auth, CourseStatus.ACTIVE, null, "dr", 0);
    }

    static SessionEntry entry(LocalDate date) {
        return new SessionEntry(date, LocalTime.of(9, 0), "Chair 1", "DEV1", "tech", "dr", null, 120, 3000, 3000, null,
                75, 75, LocationMethod.BEAM_F3, new BigDecimal("36.0"), new BigDecimal("35.5"), new BigDecimal("57.0"),
                "F3", 0, null, 2, new PreSessionCheck(new BigDecimal(7), false, false, false, false), List.of(), null);
    }

    static SavedSession delivered(long id, int number, LocalDate date) {
        return new SavedSession(id, 1, number, SessionStatus.DELIVERED, date, entry(date), null, 60, 72, "90868", "tech",
                null, List.of(), 0);
    }

    static SavedSession missed(long id, LocalDate date) {
        return new SavedSession(id, 1, null, SessionStatus.MISSED, date, null, "ill", null, null, null, null, null,
                List.of(), 0);
    }
}
