package clinic.threshold.domain.payer;

import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.history.Severity;
import clinic.threshold.domain.payer.ExclusionRule.Evidence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What an exclusion rule must look like before it is stored: the condition, the kind of chart record, a source, and a
 * match {@link ChartSigns} can actually meet. A match that can never meet the chart would leave the exclusion silently
 * undocumented, so each kind's form is checked here. Whether a screening item exists needs the stored form: see
 * {@link ScreeningItemRef}.
 */
public final class ExclusionRuleChecks {
    /** ICD-10-CM code or prefix: a letter and two digits, then optionally a dot and 1 to 4 more characters. */
    private static final Pattern DIAGNOSIS = Pattern.compile("[A-Z][0-9]{2}(\\.[A-Z0-9]{1,4})?");
    /** "form version/item number", both positive (six digits are plenty and keep the value in its column). */
    private static final Pattern SCREENING = Pattern.compile("([1-9][0-9]{0,5})/([1-9][0-9]{0,5})");
    /** The only value a risk-alert rule matches (ChartSigns: a suicide-risk alert is open). */
    public static final String OPEN_ALERT = "OPEN";
    /** payer_exclusion_rule.source is VARCHAR(400). */
    public static final int MAX_SOURCE = 400;

    private ExclusionRuleChecks() {
    }

    /** A screening rule's match read as numbers. */
    public record ScreeningItemRef(int form, int item) {
        /** The form and item of a well-formed screening match; empty otherwise. */
        public static Optional<ScreeningItemRef> parse(String match) {
            Matcher m = SCREENING.matcher(match == null ? "" : match);
            return m.matches() ? Optional.of(new ScreeningItemRef(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                    : Optional.empty();
        }
    }

    /**
     * {@code r} as it is stored: match and source without surrounding spaces; codes, severities and OPEN in upper case
     * (what ChartSigns compares); a screening match without spaces around the slash.
     */
    public static ExclusionRule normalized(ExclusionRule r) {
        String match = r.match() == null ? null : r.match().strip();
        if (match != null && r.evidence() == Evidence.SCREENING) {
            match = match.replaceAll("\\s+", "");
        } else if (match != null) {
            match = match.toUpperCase(Locale.ROOT);
        }
        return new ExclusionRule(r.exclusion(), r.evidence(), match, r.confidence(), r.source() == null ? null : r.source().strip());
    }

    /** Every problem with {@code r} (normalized first), each with its own message key; empty when it may be stored. */
    public static List<Violation> check(ExclusionRule r) {
        List<Violation> out = new ArrayList<>();
        if (r.exclusion() == null) {
            out.add(Violation.of("exclusion", "payer.error.ruleNoExclusion"));
        }
        if (r.evidence() == null) {
            out.add(Violation.of("evidence", "payer.error.ruleNoEvidence"));
        }
        if (r.match() == null || r.match().isBlank()) {
            out.add(Violation.of("match", "payer.error.ruleNoMatch"));
        } else if (r.evidence() != null) {
            match(r.evidence(), r.match()).ifPresent(out::add);
        }
        if (r.confidence() == null) {
            out.add(Violation.of("confidence", "payer.error.ruleNoConfidence"));
        }
        if (r.source() == null || r.source().isBlank()) {
            out.add(Violation.of("source", "payer.error.ruleNoSource"));
        } else if (r.source().length() > MAX_SOURCE) {
            out.add(Violation.of("source", "payer.error.ruleSourceTooLong", Integer.toString(r.source().length()),
                    Integer.toString(MAX_SOURCE)));
        }
        return out;
    }

    /** The problem with a match that this kind of chart record could never show; empty when it is well formed. */
    private static Optional<Violation> match(Evidence evidence, String match) {
        return switch (evidence) {
            case DIAGNOSIS -> DIAGNOSIS.matcher(match).matches() ? Optional.empty()
                    : Optional.of(Violation.of("match", "payer.error.ruleDiagnosis", match));
            case EPISODE -> Arrays.stream(Severity.values()).anyMatch(s -> s.name().equals(match)) ? Optional.empty()
                    : Optional.of(Violation.of("match", "payer.error.ruleEpisode", match, Arrays.stream(Severity.values())
                            .map(Severity::name).collect(Collectors.joining(", "))));
            case SCREENING -> ScreeningItemRef.parse(match).isPresent() ? Optional.empty()
                    : Optional.of(Violation.of("match", "payer.error.ruleScreening", match));
            case RISK_ALERT -> OPEN_ALERT.equals(match) ? Optional.empty()
                    : Optional.of(Violation.of("match", "payer.error.ruleRiskAlert", match));
        };
    }
}
