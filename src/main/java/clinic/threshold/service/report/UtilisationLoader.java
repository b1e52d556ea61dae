package clinic.threshold.service.report;

import clinic.threshold.data.schedule.AppointmentRepository;
import clinic.threshold.data.schedule.ResourceRepository;
import clinic.threshold.data.tms.TmsReferenceRepository;
import clinic.threshold.domain.report.ReportParams;
import clinic.threshold.domain.report.ReportResult;
import clinic.threshold.domain.report.UtilisationReport;
import clinic.threshold.domain.schedule.AppointmentStatus;
import clinic.threshold.domain.schedule.ScheduleResources;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;

/**
 * The chairs with the hours they keep, the clinic calendar, the chairs' out-of-service days and every TMS appointment
 * of the range holding a chair, as the calendar reads them (done from the session records).
 */
final class UtilisationLoader {
    private UtilisationLoader() {
    }

    static ReportResult run(DSLContext dsl, ReportParams p, LocalDate today) {
        ScheduleResources r = new ResourceRepository(dsl).load();
        LocalDate to = p.to() != null ? p.to() : today;
        LocalDate from = p.from() != null ? p.from() : to.withDayOfMonth(1);
        List<UtilisationReport.ChairHours> chairs = r.chairs().stream()
                .filter(c -> p.chairId() == null || p.chairId() == c.id())
                .map(c -> new UtilisationReport.ChairHours(c.id(), c.name(), c.hours() != null ? c.hours() : r.clinicHours(), c.active()))
                .toList();
        java.util.Set<Long> voided = new clinic.threshold.data.report.ReportRepository(dsl).appointmentsOfVoided(from, to);
        List<UtilisationReport.Use> uses = new AppointmentRepository(dsl).spans(from, to).stream()
                .filter(a -> a.chairId() != null && a.status() != AppointmentStatus.CANCELLED && !voided.contains(a.id()))
                .map(a -> new UtilisationReport.Use(a.chairId(), a.date(), a.start(), a.minutes(), a.status() == AppointmentStatus.DONE))
                .toList();
        return UtilisationReport.compute(p, from, to, chairs, new TmsReferenceRepository(dsl).calendar(), r.absences(), uses);
    }
}
