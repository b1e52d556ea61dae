package clinic.threshold.service.tms;

import clinic.threshold.data.outcome.OutcomeRepository;
import clinic.threshold.data.tms.TmsReferenceRepository;
import clinic.threshold.data.tms.TmsRepository;
import clinic.threshold.domain.history.RuleSetting;
import clinic.threshold.domain.tms.AssessmentSchedule;
import clinic.threshold.domain.tms.Course;
import clinic.threshold.domain.tms.CourseProgress;
import clinic.threshold.domain.tms.CourseTracker;
import clinic.threshold.domain.tms.DueAssessment;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.domain.tms.ScheduleRules;
import clinic.threshold.domain.tms.TmsReference;
import clinic.threshold.domain.tms.TmsRules;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * A patient's TMS courses read inside a use case's transaction: each with its progress, protocol and assessment
 * schedule. The TMS tab, the work list and the Outcomes tab read courses the same way through here.
 */
public final class PatientCourses {
    private PatientCourses() {
    }

    /** One course as tracked today. */
    public record Tracked(CourseProgress progress, Protocol protocol, List<DueAssessment> schedule) {
        public Course course() {
            return progress.course();
        }
    }

    public static TmsReference reference(DSLContext dsl, LocalDate today) {
        TmsReferenceRepository r = new TmsReferenceRepository(dsl);
        return new TmsReference(r.protocols(), r.devices(), r.billingCodes(), r.screeningFormVersion(), r.screeningForm(),
                TmsRules.from(RuleSetting.inForce(r.rules(), today)), r.calendar());
    }

    /** The outcome rule naming the scale a course is measured on when no protocol names one. */
    public static final String DEFAULT_SCALE = "course.defaultScale";

    /** The scale a course is measured on when the clinic has no protocol yet, and a new protocol's first choice. */
    public static String defaultScale(DSLContext dsl, LocalDate today) {
        return RuleSetting.inForce(new OutcomeRepository(dsl).rules(), today).stream()
                .filter(r -> r.key().equals(DEFAULT_SCALE)).map(r -> r.value().strip()).findFirst()
                .orElseThrow(() -> new IllegalStateException("outcome rule " + DEFAULT_SCALE + " is missing"));
    }

    public static ScheduleRules scheduleRules(DSLContext dsl, LocalDate today) {
        Map<String, String> v = RuleSetting.inForce(new OutcomeRepository(dsl).rules(), today).stream()
                .collect(Collectors.toMap(RuleSetting::key, RuleSetting::value));
        return new ScheduleRules(number(v, "schedule.windowDays"), number(v, "schedule.graceDays"),
                number(v, "course.baselineDaysBefore"));
    }

    /** The patient's courses, oldest first. */
    public static List<Tracked> track(DSLContext dsl, long patientId, TmsReference ref, LocalDate today) {
        TmsRepository repo = new TmsRepository(dsl);
        ScheduleRules rules = scheduleRules(dsl, today);
        var entries = new OutcomeRepository(dsl).entries(patientId);
        List<Tracked> out = new ArrayList<>();
        for (Course c : repo.courses(patientId)) {
            out.add(track(repo, c, ref, rules, entries, today));
        }
        return out;
    }

    static Tracked track(TmsRepository repo, Course c, TmsReference ref, ScheduleRules rules,
            List<clinic.threshold.domain.outcome.SavedEntry> entries, LocalDate today) {
        return track(new clinic.threshold.data.tms.TmsBulkRepository.CourseData(c, repo.sessions(c.id()), repo.decisions(c.id()),
                repo.preferredDays(c.id())), ref, rules, entries, today);
    }

    /** A course tracked from what was read of it (one course, or many at once for a report). */
    public static Tracked track(clinic.threshold.data.tms.TmsBulkRepository.CourseData d, TmsReference ref, ScheduleRules rules,
            List<clinic.threshold.domain.outcome.SavedEntry> entries, LocalDate today) {
        Course c = d.course();
        Protocol p = ref.protocol(c.protocolCode()).orElseThrow();
        // The plan keeps to the weekdays the patient comes on, when the scheduler recorded them.
        CourseProgress progress = CourseTracker.track(c, d.sessions(), d.decisions(), ref.calendar().onlyOn(d.weekdays()), ref.rules(),
                today);
        List<LocalDate> days = entries.stream().filter(e -> e.entry().scale().equals(p.assessmentScale()))
                .map(e -> e.entry().date()).toList();
        return new Tracked(progress, p, AssessmentSchedule.of(progress, c.terms().assessEveryDays(), days, rules, today));
    }

    /** The course as the outcome rules and the trend chart see it: session days and phase spans. */
    public static clinic.threshold.domain.outcome.CourseWindow window(Tracked t) {
        Course c = t.course();
        record Day(LocalDate date, String phase, boolean planned) {
        }
        List<Day> days = new ArrayList<>();
        var phases = clinic.threshold.domain.tms.CoursePlanner.phases(c.template(), c.plannedSessions());
        t.progress().sessions().stream().filter(clinic.threshold.domain.tms.SavedSession::delivered)
                .forEach(s -> days.add(new Day(s.date(), phases.apply(s.number()).name(), false)));
        t.progress().remaining().forEach(s -> days.add(new Day(s.date(), s.phase().name(), true)));
        List<clinic.threshold.domain.outcome.CourseWindow.PhaseSpan> spans = new ArrayList<>();
        Day from = null;
        Day prev = null;
        for (Day d : days) {
            if (from == null || !d.phase().equals(from.phase()) || d.planned() != from.planned()) {
                if (from != null) {
                    spans.add(new clinic.threshold.domain.outcome.CourseWindow.PhaseSpan(from.phase(), from.date(), prev.date(),
                            from.planned()));
                }
                from = d;
            }
            prev = d;
        }
        if (from != null) {
            spans.add(new clinic.threshold.domain.outcome.CourseWindow.PhaseSpan(from.phase(), from.date(), prev.date(),
                    from.planned()));
        }
        LocalDate start = days.isEmpty() ? c.start() : days.get(0).date();
        return new clinic.threshold.domain.outcome.CourseWindow(c.id(), t.protocol().name(), start,
                days.stream().filter(d -> !d.planned()).map(Day::date).toList(), spans,
                c.status() == clinic.threshold.domain.tms.CourseStatus.ACTIVE);
    }

    private static int number(Map<String, String> v, String key) {
        String value = v.get(key);
        if (value == null) {
            throw new IllegalStateException("outcome rule missing: " + key);
        }
        return Integer.parseInt(value.strip());
    }
}
