package clinic.threshold.domain.history;

/** The Maudsley Staging Method score and its parts, so the chart can show where each point came from. */
public record MaudsleyScore(int durationPoints, long durationMonths, int severityPoints, int failurePoints,
                            int augmentationPoints, int ectPoints, int total, MaudsleyBand band) {
}
