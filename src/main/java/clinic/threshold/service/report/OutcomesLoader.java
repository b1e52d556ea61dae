package clinic.threshold.service.report;

import clinic.threshold.data.outcome.OutcomeRepository;
import clinic.threshold.data.report.ReportRepository;
import clinic.threshold.domain.outcome.CourseOutcome;
import clinic.threshold.domain.outcome.CourseWindow;
import clinic.threshold.domain.outcome.OutcomeClassifier;
import clinic.threshold.domain.outcome.SavedEntry;
import clinic.threshold.domain.outcome.ScaleDefinition;
import clinic.threshold.domain.report.OutcomesReport;
import clinic.threshold.domain.report.Progress;
import clinic.threshold.domain.report.ReportParams;
import clinic.threshold.i18n.Messages;
import clinic.threshold.service.outcome.OutcomeService;
import clinic.threshold.service.tms.PatientCourses;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * The started courses of a report's range with each instrument measured from the course baseline, by the same rules
 * as the Outcomes tab (CourseOutcome), from three bulk reads: courses, given sessions, scale totals.
 */
final class OutcomesLoader {
    private OutcomesLoader() {
    }

    static List<OutcomesReport.Course> load(DSLContext dsl, ReportParams p, String ownPatientsOf, LocalDate today, Progress progress) {
        ReportRepository repo = new ReportRepository(dsl);
        OutcomeRepository outcomes = new OutcomeRepository(dsl);
        List<ReportRepository.CourseRow> courses = repo.courses(p.from(), p.to(), p.protocol(), p.payerId(),
                ownPatientsOf != null ? ownPatientsOf : p.clinician());
        Map<Long, List<ReportRepository.SessionRow>> sessions = repo.givenSessions(p.from(), p.to());
        progress.check();
        Map<Long, List<SavedEntry>> totals = repo.scaleTotals(p.from(), p.to());
        progress.check();
        List<ScaleDefinition> scales = outcomes.scales();
        OutcomeClassifier classifier = new OutcomeClassifier(OutcomeService.rules(outcomes.rules(), today));
        var schedule = PatientCourses.scheduleRules(dsl, today);
        List<OutcomesReport.Course> out = new ArrayList<>();
        int done = 0;
        for (ReportRepository.CourseRow c : courses) {
            List<ReportRepository.SessionRow> given = sessions.getOrDefault(c.courseId(), List.of());
            if (given.isEmpty() || p.technician() != null && given.stream().noneMatch(s -> p.technician().equals(s.technician()))) {
                continue; // not started (an administrative cancellation before session 1), or not this technician's
            }
            CourseWindow w = new CourseWindow(c.courseId(), c.protocolName(), c.start(), given.stream().map(ReportRepository.SessionRow::date)
                    .toList(), List.of(), "ACTIVE".equals(c.status()));
            Map<String, List<SavedEntry>> byScale = totals.getOrDefault(c.patientId(), List.of()).stream()
                    .collect(Collectors.groupingBy(e -> e.entry().scale()));
            List<CourseOutcome> measured = CourseOutcome.of(w, scales, byScale, classifier, schedule.baselineDaysBefore(),
                    schedule.windowDays());
            out.add(new OutcomesReport.Course(c.courseId(), group(p, c, given), given.size(), measured));
            if (++done % 200 == 0) {
                progress.step(done, courses.size());
                progress.check();
            }
        }
        progress.step(courses.size(), courses.size());
        return out;
    }

    /** The course's group: its protocol, the device or technician of most of its sessions, or the patient's payer. */
    static String group(ReportParams p, ReportRepository.CourseRow c, List<ReportRepository.SessionRow> given) {
        ReportParams.GroupBy by = p.groupBy() == null ? ReportParams.GroupBy.PROTOCOL : p.groupBy();
        return switch (by) {
            case PROTOCOL -> c.protocolName();
            case DEVICE -> most(given, ReportRepository.SessionRow::device);
            case TECHNICIAN -> most(given, ReportRepository.SessionRow::technician);
            case PAYER -> c.payerName() == null ? Messages.get("report.group.noPayer") : c.payerName();
        };
    }

    private static String most(List<ReportRepository.SessionRow> given, Function<ReportRepository.SessionRow, String> key) {
        return given.stream().map(key).filter(java.util.Objects::nonNull).collect(Collectors.groupingBy(Function.identity(),
                        Collectors.counting())).entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(Messages.get("report.group.unknown"));
    }
}
