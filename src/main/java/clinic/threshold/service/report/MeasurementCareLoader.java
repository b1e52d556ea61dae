package clinic.threshold.service.report;

import clinic.threshold.data.report.ReportRepository;
import clinic.threshold.data.tms.TmsBulkRepository;
import clinic.threshold.domain.outcome.SavedEntry;
import clinic.threshold.domain.report.MeasurementCareReport;
import clinic.threshold.domain.report.Progress;
import clinic.threshold.domain.report.ReportParams;
import clinic.threshold.domain.tms.CourseStatus;
import clinic.threshold.domain.tms.SavedSession;
import clinic.threshold.domain.tms.ScheduleRules;
import clinic.threshold.domain.tms.TmsReference;
import clinic.threshold.service.tms.PatientCourses;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * The started courses of the range, each tracked as its chart tracks it (the same assessment schedule, the same
 * windows), and the suicide-risk alerts raised while each ran: from its first session to its last one plus the
 * assessment window, or to today while it runs.
 */
final class MeasurementCareLoader {
    private MeasurementCareLoader() {
    }

    static List<String> kinds() {
        return java.util.Arrays.stream(clinic.threshold.domain.tms.DueAssessment.Kind.values()).map(Enum::name).toList();
    }

    static List<MeasurementCareReport.Course> load(DSLContext dsl, ReportParams p, String own, LocalDate today, ZoneId zone,
            Progress progress) {
        ReportRepository repo = new ReportRepository(dsl);
        Map<Long, List<SavedEntry>> entries = repo.scaleTotals(p.from(), p.to());
        Map<Long, List<ReportRepository.AlertRow>> alerts = repo.riskAlerts(p.from(), p.to());
        progress.check();
        TmsReference ref = PatientCourses.reference(dsl, today);
        ScheduleRules rules = PatientCourses.scheduleRules(dsl, today);
        TmsBulkRepository.Schedules read = new TmsBulkRepository(dsl).schedules(repo.courseIds(p.from(), p.to(), p.protocol(),
                p.payerId(), own != null ? own : p.clinician()), p.from());
        List<TmsBulkRepository.CourseData> courses = read.courses();
        progress.check();
        List<MeasurementCareReport.Course> out = new ArrayList<>();
        int done = 0;
        for (TmsBulkRepository.CourseData data : courses) {
            var course = data.course();
            PatientCourses.Tracked t = PatientCourses.track(data, ref, rules, entries.getOrDefault(course.patientId(), List.of()), today);
            List<LocalDate> given = t.progress().sessions().stream().filter(SavedSession::delivered).map(SavedSession::date).sorted().toList();
            boolean theirs = p.technician() == null || read.technicians().getOrDefault(course.id(), Set.of()).contains(p.technician());
            if (!given.isEmpty() && theirs) {
                // From the baseline's window: a risk alert on the baseline score is the one that holds a course back.
                Instant from = given.get(0).minusDays(rules.baselineDaysBefore()).atStartOfDay(zone).toInstant();
                Instant until = course.status() == CourseStatus.ACTIVE ? null
                        : given.get(given.size() - 1).plusDays(rules.windowDays() + 1L).atStartOfDay(zone).toInstant();
                List<MeasurementCareReport.Alert> during = alerts.getOrDefault(course.patientId(), List.of()).stream()
                        .filter(a -> !a.raisedAt().isBefore(from) && (until == null || a.raisedAt().isBefore(until)))
                        .map(a -> new MeasurementCareReport.Alert(a.id(), a.raisedAt(), a.reviewedAt())).toList();
                out.add(new MeasurementCareReport.Course(course.protocolName(), t.protocol().assessmentScale(),
                        t.schedule().stream().map(d -> new MeasurementCareReport.Point(d.kind().name(), d.status().name())).toList(),
                        during));
            }
            if (++done % 500 == 0) {
                progress.step(done, courses.size());
                progress.check();
            }
        }
        progress.step(courses.size(), courses.size());
        return out;
    }
}
