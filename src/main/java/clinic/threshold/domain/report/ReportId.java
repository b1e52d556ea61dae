package clinic.threshold.domain.report;

/**
 * The administrators' reports (issue 11; definitions in docs/reports.md) and who may run them: {@link Audience#CLINICAL}
 * reports rest on patients' outcomes (every patient with report.all, otherwise a clinician's own patients);
 * {@link Audience#OPERATIONS} reports (chairs and attendance) are the front desk's too; {@link Audience#ADMINISTRATION}
 * reports (billing, authorizations) need report.all.
 */
public enum ReportId {
    OUTCOMES(Audience.CLINICAL),
    COMPLETION(Audience.CLINICAL),
    UTILISATION(Audience.OPERATIONS),
    ATTENDANCE(Audience.OPERATIONS),
    MT_COMPLIANCE(Audience.CLINICAL),
    ADVERSE_EVENTS(Audience.CLINICAL),
    BILLING(Audience.ADMINISTRATION),
    AUTHORIZATIONS(Audience.ADMINISTRATION),
    MEASUREMENT_BASED_CARE(Audience.CLINICAL),
    REMISSION_12_MONTHS(Audience.CLINICAL),
    TRD_PROFILE(Audience.CLINICAL);

    public enum Audience {
        CLINICAL, OPERATIONS, ADMINISTRATION
    }

    /** The filters a report can apply (the others do not bear on its figures and are not offered). */
    public enum Filter {
        PROTOCOL, PAYER, CHAIR, TECHNICIAN, CLINICIAN
    }

    private final Audience audience;

    ReportId(Audience audience) {
        this.audience = audience;
    }

    public Audience audience() {
        return audience;
    }

    public java.util.Set<Filter> filters() {
        return switch (this) {
            case OUTCOMES, COMPLETION, MT_COMPLIANCE, ADVERSE_EVENTS, MEASUREMENT_BASED_CARE ->
                    java.util.EnumSet.of(Filter.PROTOCOL, Filter.PAYER, Filter.TECHNICIAN, Filter.CLINICIAN);
            case UTILISATION -> java.util.EnumSet.of(Filter.CHAIR);
            case ATTENDANCE -> java.util.EnumSet.of(Filter.PROTOCOL, Filter.TECHNICIAN, Filter.CHAIR);
            case BILLING -> java.util.EnumSet.of(Filter.PROTOCOL, Filter.PAYER);
            case AUTHORIZATIONS -> java.util.EnumSet.of(Filter.PROTOCOL, Filter.PAYER, Filter.CLINICIAN);
            case REMISSION_12_MONTHS, TRD_PROFILE -> java.util.EnumSet.of(Filter.PAYER, Filter.CLINICIAN);
        };
    }

    /** The breakdowns a report offers (empty: the group-by parameter does not apply to it). */
    public java.util.List<ReportParams.GroupBy> groupings() {
        return switch (this) {
            case OUTCOMES -> java.util.List.of(ReportParams.GroupBy.values());
            case REMISSION_12_MONTHS -> java.util.List.of(ReportParams.GroupBy.PAYER);
            default -> java.util.List.of();
        };
    }

    /** The CLI and saved definitions name reports in lower case with dashes ("remission-12-months"). */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static java.util.Optional<ReportId> ofCliName(String name) {
        return java.util.Arrays.stream(values()).filter(r -> r.cliName().equalsIgnoreCase(name.strip())).findFirst();
    }
}
