package clinic.threshold.domain.history;

import java.math.BigDecimal;

/** The Massachusetts General Hospital staging score and its parts. */
public record MghScore(int failedTrials, int augmentationOrCombinationTrials, boolean failedEct, BigDecimal total) {
}
