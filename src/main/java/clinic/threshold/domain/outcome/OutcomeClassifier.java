package clinic.threshold.domain.outcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Response and remission against a baseline on one instrument. The reduction is (baseline - total) /
 * baseline; a baseline of 0 leaves nothing to reduce ({@link Change#NOT_ASSESSABLE}). Remission uses the
 * instrument's own cut-off.
 */
public final class OutcomeClassifier {
    private final OutcomeRules rules;

    public OutcomeClassifier(OutcomeRules rules) {
        this.rules = rules;
    }

    /** One total against the baseline. */
    public record Result(int baseline, int total, BigDecimal reductionPct, Change change, boolean remission) {
    }

    public Result classify(ScaleDefinition d, int baseline, int total) {
        boolean remission = d.inRemission(total);
        if (baseline <= 0) {
            return new Result(baseline, total, null, Change.NOT_ASSESSABLE, remission);
        }
        BigDecimal pct = BigDecimal.valueOf(baseline - total).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(baseline), 1, RoundingMode.HALF_UP);
        // Compare exactly: 7 of 14 is 50.0% and counts as response.
        long scaled = (long) (baseline - total) * 100;
        Change c = scaled >= (long) rules.responsePct() * baseline ? Change.RESPONSE
                : scaled >= (long) rules.partialPct() * baseline ? Change.PARTIAL_RESPONSE : Change.NO_RESPONSE;
        return new Result(baseline, total, pct, c, remission);
    }

    /** A dated total. */
    public record Point(LocalDate date, int total) {
    }

    /** The first point (after the baseline) at which response, or remission, was reached. */
    public Optional<Point> firstResponse(ScaleDefinition d, Point baseline, List<Point> after) {
        return after.stream().filter(p -> p.date().isAfter(baseline.date()))
                .filter(p -> classify(d, baseline.total(), p.total()).change() == Change.RESPONSE).findFirst();
    }

    public Optional<Point> firstRemission(ScaleDefinition d, Point baseline, List<Point> after) {
        return after.stream().filter(p -> p.date().isAfter(baseline.date())).filter(p -> d.inRemission(p.total()))
                .findFirst();
    }
}
