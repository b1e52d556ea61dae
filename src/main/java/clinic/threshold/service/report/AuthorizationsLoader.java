package clinic.threshold.service.report;

import clinic.threshold.data.payer.AuthorizationRepository;
import clinic.threshold.data.report.ReportRepository;
import clinic.threshold.data.tms.TmsReferenceRepository;
import clinic.threshold.domain.history.RuleSetting;
import clinic.threshold.domain.payer.AuthStatus;
import clinic.threshold.domain.payer.AuthorizationRules;
import clinic.threshold.domain.payer.PriorAuthorization;
import clinic.threshold.domain.payer.UnitCountdown;
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
 * sessions given inside each approval's window, counted as the pipeline counts them.
 */
final class AuthorizationsLoader {
    private AuthorizationsLoader() {
    }

    static List<AuthorizationsReport.Request> load(DSLContext dsl, ReportParams p, LocalDate today, ZoneId zone) {
        AuthorizationRepository repo = new AuthorizationRepository(dsl);
        String payer = p.payerId() == null ? null : new ReportRepository(dsl).payerName(p.payerId()).orElse("");
        List<PriorAuthorization> requests = repo.list(null).stream()
                .filter(a -> p.covers(a.createdAt().atZone(zone).toLocalDate()))
                .filter(a -> p.protocol() == null || p.protocol().equals(a.protocolCode()))
                .filter(a -> p.clinician() == null || p.clinician().equals(a.clinician()))
                .filter(a -> payer == null || payer.equals(a.payer()))
                .toList();
        Map<Long, List<LocalDate>> delivered = repo.deliveredDays(requests.stream().map(PriorAuthorization::courseId)
                .filter(Objects::nonNull).distinct().toList());
        AuthorizationRules rules = AuthorizationRules.from(RuleSetting.inForce(new TmsReferenceRepository(dsl).rules(), today));
        return requests.stream().map(a -> {
            AuthStatus s = a.statusOn(today);
            boolean approved = s == AuthStatus.APPROVED || s == AuthStatus.EXPIRED;
            boolean denied = s == AuthStatus.DENIED || s == AuthStatus.APPEAL;
            Long days = a.submittedOn() != null && a.decidedOn() != null ? ChronoUnit.DAYS.between(a.submittedOn(), a.decidedOn()) : null;
            List<LocalDate> given = a.courseId() == null ? List.of() : delivered.getOrDefault(a.courseId(), List.of());
            int used = UnitCountdown.of(a, given, List.of(), today, rules, false).used();
            return new AuthorizationsReport.Request(s.name(), a.payer(), days, approved, denied, a.denialReason(),
                    approved ? a.units() : null, approved ? used : 0);
        }).toList();
    }

    static List<String> statuses() {
        return Arrays.stream(AuthStatus.values()).map(Enum::name).toList();
    }
}
