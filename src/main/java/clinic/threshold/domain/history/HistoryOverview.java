package clinic.threshold.domain.history;

/** What the Treatment history tab shows: the stored history, its assessment, and the formulary it used. */
public record HistoryOverview(PatientHistory history, TrdAssessment assessment, Formulary formulary) {
}
