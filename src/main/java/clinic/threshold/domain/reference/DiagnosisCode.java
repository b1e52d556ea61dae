package clinic.threshold.domain.reference;

/**
 * An ICD-10-CM code from the clinic's seeded list. {@code payerNote} is guidance on payer acceptance;
 * {@code unconfirmed} marks notes not yet verified against a payer's own code list.
 */
public record DiagnosisCode(String code, String description, String category, String payerNote,
                            boolean unconfirmed) {

    public String label() {
        return code + " " + description;
    }
}
