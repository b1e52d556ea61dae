package clinic.threshold.domain.payer;

/** A request with its unit countdown and alerts as of today, as the pipeline and the chart list it. */
public record AuthorizationRow(PriorAuthorization request, UnitCountdown countdown) {
}
