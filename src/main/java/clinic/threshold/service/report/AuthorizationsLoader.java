package clinic.threshold.service.report;

import clinic.threshold.data.payer.AuthorizationRepository;
import clinic.threshold.data.report.ReportRepository;
import clinic.threshold.domain.payer.AuthStatus;
import clinic.threshold.domain.payer.PriorAuthorization;
import clinic.threshold.domain.report.AuthorizationsReport;
import clinic.threshold.domain.report.ReportParams;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;

/**
 * The requests (not voided) made in the range, by the day they were created, with their status as of today and the
 * sessions given inside each approval's window (each session counted once, for the latest window covering it).
 */
final class AuthorizationsLoader {
    private AuthorizationsLoader() {
    }

    static List<AuthorizationsReport.Request> load(DSLContext dsl, ReportParams p, LocalDate today, ZoneId zone) {
        AuthorizationRepository repo = new AuthorizationRepository(dsl);
        String payer = p.payerId() == null ? null : new ReportRepository(dsl).payerName(p.payerId()).orElse("");
        List<PriorAuthorization> all = repo.list(null);
        List<PriorAuthorization> chosen = all.stream()
                .filter(a -> p.covers(a.createdAt().atZone(zone).toLocalDate()))
                .filter(a -> p.protocol() == null || p.protocol().equals(a.protocolCode()))
                .filter(a -> p.clinician() == null || p.clinician().equals(a.clinician()))
                .filter(a -> payer == null || payer.equals(a.payer()))
                .toList();
        // Units used by the chosen requests' courses, with every approval of those courses (an extension made after
        // the range still takes the sessions of its own window).
        java.util.Set<Long> courses = chosen.stream().map(PriorAuthorization::courseId).filter(Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet());
        Map<Long, Integer> used = used(all.stream().filter(a -> courses.contains(a.courseId())).toList(),
                repo.deliveredDays(courses), today);
        return chosen.stream()
                .map(a -> {
                    AuthStatus s = a.statusOn(today);
                    boolean approved = approved(a, today);
                    boolean denied = s == AuthStatus.DENIED || s == AuthStatus.APPEAL;
                    Long days = a.submittedOn() != null && a.decidedOn() != null
                            ? ChronoUnit.DAYS.between(a.submittedOn(), a.decidedOn()) : null;
                    return new AuthorizationsReport.Request(s.name(), a.payer(), days, approved, denied, a.denialReason(),
                            approved ? a.units() : null, used.getOrDefault(a.id(), 0));
                }).toList();
    }

    private static boolean approved(PriorAuthorization a, LocalDate today) {
        AuthStatus s = a.statusOn(today);
        return s == AuthStatus.APPROVED || s == AuthStatus.EXPIRED;
    }

    /**
     * The sessions each approval paid for, by request: a session given inside several approvals' windows of its course
     * (a first approval and its extension) counts once, for the latest window covering it, so units used never count
     * a session twice.
     */
    static Map<Long, Integer> used(List<PriorAuthorization> all, Map<Long, List<LocalDate>> delivered, LocalDate today) {
        Map<Long, List<PriorAuthorization>> byCourse = all.stream()
                .filter(a -> a.courseId() != null && a.first() != null && a.last() != null && approved(a, today))
                .collect(java.util.stream.Collectors.groupingBy(PriorAuthorization::courseId));
        Map<Long, Integer> out = new java.util.HashMap<>();
        byCourse.forEach((course, approvals) -> {
            for (LocalDate d : delivered.getOrDefault(course, List.of())) {
                approvals.stream().filter(a -> !d.isBefore(a.first()) && !d.isAfter(a.last()))
                        .max(java.util.Comparator.comparing(PriorAuthorization::first).thenComparing(PriorAuthorization::id))
                        .ifPresent(a -> out.merge(a.id(), 1, Integer::sum));
            }
        });
        return out;
    }

    static List<String> statuses() {
        return Arrays.stream(AuthStatus.values()).map(Enum::name).toList();
    }
}
