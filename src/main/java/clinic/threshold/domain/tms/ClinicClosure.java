package clinic.threshold.domain.tms;

import java.time.LocalDate;

/** A day the clinic is closed: once, or every year on the same month and day (a holiday). */
public record ClinicClosure(long id, LocalDate date, boolean yearly, String label, int version) {
}
