package clinic.threshold.service.tms;

import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.tms.Authorization;
import clinic.threshold.domain.tms.AuthorizationStanding;
import clinic.threshold.domain.tms.Course;
import clinic.threshold.domain.tms.CourseType;
import clinic.threshold.domain.tms.CourseWarning;
import clinic.threshold.domain.tms.PlannedSession;
import clinic.threshold.domain.tms.TmsOverview.ScorePoint;
import clinic.threshold.domain.tms.TmsRules;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The warnings a course shows without being stopped by them: authorization standing and the retreatment rule. */
final class Warnings {
    private static final int MAX_AUTH_TEXT = 120;

    private Warnings() {
    }

    static void authorization(Authorization auth, List<PlannedSession> plan, List<CourseWarning> out) {
        authorization(AuthorizationStanding.of(auth == null ? Authorization.NONE : auth, 0, plan, null), out);
        if (auth == null || auth.isEmpty()) {
            out.add(0, CourseWarning.of("tms.warning.noAuthorization"));
        }
    }

    static void authorization(AuthorizationStanding a, List<CourseWarning> out) {
        if (!a.outsideWindow().isEmpty()) {
            out.add(CourseWarning.of("tms.warning.outsideWindow", a.outsideWindow().size(),
                    a.outsideWindow().get(0).number(), a.outsideWindow().get(0).date()));
        }
        if (a.beyondUnits() > 0) {
            out.add(CourseWarning.of("tms.warning.beyondUnits", a.beyondUnits()));
        }
    }

    /**
     * A retreatment should follow a course that helped (domain.md 4.6: more than the rule's improvement on the
     * assessment scale). The prior course is the latest one started before this one; its improvement is its
     * baseline (the latest score on or before its start) against its best score before this course.
     */
    static List<CourseWarning> retreatment(CourseType type, LocalDate start, List<Course> others, List<ScorePoint> scores,
            TmsRules rules) {
        if (type != CourseType.RETREATMENT || start == null) {
            return List.of();
        }
        Optional<Course> prior = others.stream().filter(c -> c.start().isBefore(start)).max(Comparator.comparing(Course::start));
        if (prior.isEmpty()) {
            return List.of(CourseWarning.of("tms.warning.noPriorCourse", rules.retreatmentMinImprovementPct()));
        }
        LocalDate from = prior.get().start();
        Optional<ScorePoint> baseline = scores.stream().filter(s -> !s.date().isAfter(from)).reduce((a, b) -> b);
        Optional<ScorePoint> best = scores.stream().filter(s -> s.date().isAfter(from) && s.date().isBefore(start))
                .min(Comparator.comparingInt(ScorePoint::total));
        if (baseline.isEmpty() || best.isEmpty() || baseline.get().total() == 0) {
            return List.of(CourseWarning.of("tms.warning.noPriorScores", rules.retreatmentMinImprovementPct()));
        }
        int pct = (baseline.get().total() - best.get().total()) * 100 / baseline.get().total();
        if (pct <= rules.retreatmentMinImprovementPct()) {
            return List.of(CourseWarning.of("tms.warning.retreatmentRule", pct, rules.retreatmentMinImprovementPct()));
        }
        return List.of();
    }

    static List<Violation> checkAuthorization(Authorization a) {
        List<Violation> out = new ArrayList<>();
        if (a == null) {
            return out;
        }
        if (a.units() != null && a.units() < 0) {
            out.add(Violation.of("authUnits", "tms.error.notNegative"));
        }
        if (a.first() != null && a.last() != null && a.last().isBefore(a.first())) {
            out.add(Violation.of("authLast", "tms.error.windowOrder"));
        }
        if (a.payer() != null && a.payer().strip().length() > MAX_AUTH_TEXT) {
            out.add(Violation.of("authPayer", "tms.error.tooLong", MAX_AUTH_TEXT));
        }
        if (a.number() != null && a.number().strip().length() > 60) {
            out.add(Violation.of("authNumber", "tms.error.tooLong", 60));
        }
        return out;
    }
}
