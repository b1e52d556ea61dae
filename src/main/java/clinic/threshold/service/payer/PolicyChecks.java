package clinic.threshold.service.payer;

import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.payer.AltPath;
import clinic.threshold.domain.payer.PayerPolicy;
import java.util.ArrayList;
import java.util.List;

/** What makes a policy unusable: missing names and dates, and limits that contradict each other. */
final class PolicyChecks {
    private static final int MAX_PCT = 100;

    private PolicyChecks() {
    }

    static List<Violation> check(PayerPolicy p) {
        List<Violation> out = new ArrayList<>();
        String code = p.code() == null ? "?" : p.code();
        if (p.code() == null || p.code().isBlank() || p.payer() == null || p.payer().isBlank()) {
            out.add(Violation.of("code", "payer.error.name", code));
        }
        if (p.effectiveFrom() == null) {
            out.add(Violation.of("effectiveFrom", "payer.error.noStart", code));
        } else if (p.effectiveTo() != null && p.effectiveTo().isBefore(p.effectiveFrom())) {
            out.add(Violation.of("effectiveTo", "payer.error.endsBeforeStart", code));
        }
        if (p.minAge() != null && p.maxAge() != null && p.maxAge() < p.minAge()) {
            out.add(Violation.of("maxAge", "payer.error.ageRange", code, p.minAge(), p.maxAge()));
        }
        if (p.minFailedTrials() != null && p.minDistinctClasses() != null && p.minDistinctClasses() > p.minFailedTrials()) {
            out.add(Violation.of("minDistinctClasses", "payer.error.moreClassesThanTrials", code, p.minDistinctClasses(),
                    p.minFailedTrials()));
        }
        for (Integer n : new Integer[] {p.minFailedTrials(), p.minDistinctClasses(), p.minWeeksPerTrial(), p.psychotherapyMinSessions(),
                p.initialSessions(), p.taperSessions(), p.extensionSessions()}) {
            if (n != null && n < 0) {
                out.add(Violation.of("policy", "payer.error.negative", code));
                break;
            }
        }
        for (Integer pct : new Integer[] {p.priorResponsePct(), p.extensionMinImprovementPct(), p.retreatmentMinPriorImprovementPct()}) {
            if (pct != null && (pct < 0 || pct > MAX_PCT)) {
                out.add(Violation.of("policy", "payer.error.percent", code));
                break;
            }
        }
        if (p.psychotherapyMinSessions() != null && !p.psychotherapyRequired()) {
            out.add(Violation.of("psychotherapyMinSessions", "payer.error.sessionsWithoutPsychotherapy", code));
        }
        if (p.altPaths().contains(AltPath.PRIOR_TMS_RESPONSE) && p.priorResponsePct() == null) {
            out.add(Violation.of("priorResponsePct", "payer.error.priorResponseWithoutPct", code));
        }
        if (p.source() == null || p.source().isBlank()) {
            out.add(Violation.of("source", "payer.error.noSource", code));
        }
        return out;
    }
}
