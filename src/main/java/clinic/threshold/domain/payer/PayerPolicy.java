package clinic.threshold.domain.payer;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One payer's TMS coverage policy as data (domain.md 6.1's rule-engine shape). Null limits are "not stated by
 * the policy". {@code verifiedOn} null means nobody has checked the row against the policy text: the app shows it
 * as "unverified: review before use".
 */
public record PayerPolicy(String code, int version, String payer, String plan, LocalDate effectiveFrom, LocalDate effectiveTo,
        Integer minAge, Integer maxAge, Set<String> diagnosisCodes, List<SeverityRule> severityAnyOf, Integer minFailedTrials,
        Integer minDistinctClasses, Integer minWeeksPerTrial, boolean intoleranceCounts, boolean augmentationTrialRequired,
        boolean psychotherapyRequired, Integer psychotherapyMinSessions, Set<AltPath> altPaths, Integer priorResponsePct,
        Integer initialSessions, Integer taperSessions, Integer extensionMinImprovementPct, Integer extensionSessions,
        Integer retreatmentMinPriorImprovementPct, Set<Exclusion> exclusions, boolean maintenanceCovered,
        boolean acceleratedCovered, boolean priorAuthRequired, String source, String confidence, LocalDate verifiedOn) {

    public PayerPolicy {
        diagnosisCodes = Set.copyOf(diagnosisCodes);
        severityAnyOf = List.copyOf(severityAnyOf);
        altPaths = Set.copyOf(altPaths);
        exclusions = Set.copyOf(exclusions);
    }

    public boolean verified() {
        return verifiedOn != null;
    }

    public boolean inForce(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }
}
