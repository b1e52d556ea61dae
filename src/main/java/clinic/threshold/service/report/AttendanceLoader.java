package clinic.threshold.service.report;

import clinic.threshold.data.report.ReportRepository;
import clinic.threshold.data.schedule.AppointmentRepository;
import clinic.threshold.domain.report.AttendanceReport;
import clinic.threshold.domain.report.ReportParams;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * The appointments due in a report's range with their outcome as the calendar reads it (done and missed from the
 * session records), and for cancellations how long before the start they were cancelled.
 */
final class AttendanceLoader {
    private AttendanceLoader() {
    }

    static List<AttendanceReport.Visit> load(DSLContext dsl, ReportParams p, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        LocalDate from = p.from() == null ? LocalDate.of(2000, 1, 1) : p.from();
        LocalDate to = p.to() == null ? today : p.to();
        List<AttendanceReport.Visit> out = new ArrayList<>();
        java.util.Set<Long> voided = new ReportRepository(dsl).appointmentsOfVoided(from, to);
        List<AppointmentRepository.Span> due = new AppointmentRepository(dsl).spans(from, to);
        Map<Long, String> technicians = new ReportRepository(dsl).technicianNames();
        Map<Long, String> patients = new ReportRepository(dsl).patientNames(due.stream().map(AppointmentRepository.Span::patientId)
                .collect(java.util.stream.Collectors.toSet()));
        for (AppointmentRepository.Span a : due) {
            if (voided.contains(a.id())
                    || p.protocol() != null && !p.protocol().equals(a.protocolCode())
                    || p.technician() != null && !p.technician().equals(technicians.get(a.technicianId()))
                    || p.chairId() != null && !p.chairId().equals(a.chairId())) {
                continue;
            }
            AttendanceReport.Visit.Outcome outcome = switch (a.status()) {
                case DONE, ARRIVED -> AttendanceReport.Visit.Outcome.ATTENDED;
                case MISSED -> AttendanceReport.Visit.Outcome.NO_SHOW;
                case CANCELLED -> AttendanceReport.Visit.Outcome.CANCELLED;
                // Still booked after its day: nobody checked the patient in and no session was recorded.
                case BOOKED -> a.date().isBefore(today) ? AttendanceReport.Visit.Outcome.NO_SHOW : null;
            };
            if (outcome == null) {
                continue; // not due yet
            }
            Long hours = null;
            if (outcome == AttendanceReport.Visit.Outcome.CANCELLED) {
                // A cancelled appointment's last change is its cancellation.
                Instant start = a.date().atTime(a.start()).atZone(clock.getZone()).toInstant();
                hours = Duration.between(a.updatedAt(), start).toHours();
            }
            out.add(new AttendanceReport.Visit(a.patientId(), patients.get(a.patientId()), a.date(), a.start(), outcome, hours));
        }
        return out;
    }
}
