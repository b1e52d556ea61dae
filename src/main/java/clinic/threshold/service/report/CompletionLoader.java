package clinic.threshold.service.report;

import clinic.threshold.data.report.ReportRepository;
import clinic.threshold.domain.report.CompletionReport;
import clinic.threshold.domain.report.Progress;
import clinic.threshold.domain.report.ReportParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/** The started courses of a report's range, with sessions given and what was planned at their start. */
final class CompletionLoader {
    private CompletionLoader() {
    }

    static List<CompletionReport.Course> load(DSLContext dsl, ReportParams p, String ownPatientsOf, Progress progress) {
        ReportRepository repo = new ReportRepository(dsl);
        List<ReportRepository.CourseRow> courses = repo.courses(p.from(), p.to(), p.protocol(), p.payerId(),
                ownPatientsOf != null ? ownPatientsOf : p.clinician());
        // Counted by the database: completion needs how many sessions each course had, not the sessions.
        Map<Long, Integer> given = repo.givenCounts(p.from(), p.to(), p.technician());
        progress.check();
        List<CompletionReport.Course> out = new ArrayList<>();
        for (ReportRepository.CourseRow c : courses) {
            Integer n = given.get(c.courseId());
            if (n == null) {
                continue; // not started (an administrative cancellation before session 1), or none of the technician's
            }
            CompletionReport.Course.Status status = switch (c.status()) {
                case "ACTIVE" -> CompletionReport.Course.Status.RUNNING;
                case "COMPLETED" -> CompletionReport.Course.Status.COMPLETED;
                default -> CompletionReport.Course.Status.STOPPED;
            };
            out.add(new CompletionReport.Course(c.protocolName(), status, n, c.plannedSessions(), c.plannedAtStart(),
                    "RETREATMENT".equals(c.courseType())));
        }
        progress.step(courses.size(), courses.size());
        return out;
    }

    /** The same started courses with each given session and whether the motor threshold was measured at it. */
    static List<clinic.threshold.domain.report.MtComplianceReport.Course> mtCourses(DSLContext dsl, ReportParams p, String ownPatientsOf,
            Progress progress) {
        ReportRepository repo = new ReportRepository(dsl);
        List<ReportRepository.CourseRow> courses = repo.courses(p.from(), p.to(), p.protocol(), p.payerId(),
                ownPatientsOf != null ? ownPatientsOf : p.clinician());
        Map<Long, List<ReportRepository.SessionRow>> sessions = repo.givenSessions(p.from(), p.to());
        progress.check();
        List<clinic.threshold.domain.report.MtComplianceReport.Course> out = new ArrayList<>();
        for (ReportRepository.CourseRow c : courses) {
            List<ReportRepository.SessionRow> given = sessions.getOrDefault(c.courseId(), List.of());
            if (given.isEmpty() || p.technician() != null && given.stream().noneMatch(s -> p.technician().equals(s.technician()))) {
                continue;
            }
            out.add(new clinic.threshold.domain.report.MtComplianceReport.Course(c.patientName(), c.protocolName(), c.start(),
                    given.stream().map(s -> new clinic.threshold.domain.report.MtComplianceReport.Session(s.date(), s.mtMeasured()))
                            .toList()));
        }
        progress.step(courses.size(), courses.size());
        return out;
    }
}
