package clinic.threshold.domain.medication;

/** How the drug is given. */
public enum Route {
    ORAL, SUBLINGUAL, TRANSDERMAL, INTRANASAL, INTRAMUSCULAR, INTRAVENOUS, SUBCUTANEOUS, OTHER
}
