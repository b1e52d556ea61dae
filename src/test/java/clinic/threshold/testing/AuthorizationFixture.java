package clinic.threshold.testing;

import clinic.threshold.domain.outcome.ScaleEntry;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.patient.PatientDetails;
import clinic.threshold.domain.patient.Sex;
import clinic.threshold.domain.tms.Authorization;
import clinic.threshold.domain.tms.CourseRequest;
import clinic.threshold.domain.tms.CourseType;
import clinic.threshold.domain.tms.LocationMethod;
import clinic.threshold.domain.tms.MtMethod;
import clinic.threshold.domain.tms.MtReading;
import clinic.threshold.domain.tms.PreSessionCheck;
import clinic.threshold.domain.tms.ScreeningAnswer;
import clinic.threshold.domain.tms.SessionEntry;
import clinic.threshold.service.ClinicServices;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** Patients ready for a payer request: Centene, member ID, severe recurrent MDD, two failed trials, a score, screened. */
public final class AuthorizationFixture {
    /** Centene / Ambetter in the payer registry (V002). */
    public static final int CENTENE = 7;

    private AuthorizationFixture() {
    }

    /** A patient whose chart holds everything a letter of medical necessity needs. */
    public static Patient readyPatient(ClinicServices c, String given, String family) {
        Patient p = c.patients().create(new PatientDetails(null, given, family, null, LocalDate.of(1981, 5, 1), Sex.FEMALE, null,
                null, null, null, null, CENTENE, "CEN-445566", null, "F33.2", null));
        c.historyTransfer().importJson(PayerFixture.history(p.mrn()));
        c.outcomes().record(p.id(), phq(TestClinic.TODAY.minusDays(60), 3, 3, 3, 2, 2, 2, 2, 2, 0), false);
        screen(c, p.id(), TestClinic.TODAY.minusDays(58));
        return p;
    }

    public static void screen(ClinicServices c, long patientId, LocalDate on) {
        c.tms().screen(patientId, on, c.tms().reference().screeningForm().stream()
                .map(i -> new ScreeningAnswer(i.number(), false, null)).toList());
    }

    public static ScaleEntry phq(LocalDate day, Integer... items) {
        return new ScaleEntry("PHQ9", day, List.of(items), null, "patient");
    }

    /** Starts a 10 Hz course on {@code start} and records a session every weekday up to {@code until}. */
    public static long courseWithSessions(ClinicServices c, long patientId, LocalDate start, LocalDate until) {
        long course = c.tms().startCourse(patientId, new CourseRequest("TENHZ", CourseType.INITIAL, start, "MDD", 36,
                Authorization.NONE));
        for (LocalDate d = start; !d.isAfter(until); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue()) {
                c.tms().recordSession(patientId, course, new SessionEntry(d, LocalTime.of(9, 0), "Chair 1", "FIG8", "tech", "dr",
                        d.equals(start) ? new MtReading(60, MtMethod.EMG, null) : null, 120,
                        3000, 3000, null, 75, 75, LocationMethod.RULE_5_5_CM, null, null, null, null, 0, null, 1,
                        new PreSessionCheck(new BigDecimal(7), false, false, false, false), List.of(), null));
            }
        }
        return course;
    }
}
