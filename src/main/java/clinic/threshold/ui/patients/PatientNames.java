package clinic.threshold.ui.patients;

import clinic.threshold.domain.patient.PatientDetails;
import clinic.threshold.domain.patient.PatientSummary;
import clinic.threshold.i18n.Messages;

/** How names read on screen: "Family, Given (Preferred)". */
final class PatientNames {
    private PatientNames() {
    }

    static String listName(PatientSummary s) {
        return format(s.familyName(), s.givenName(), s.preferredName());
    }

    static String listName(PatientDetails d) {
        return format(d.familyName(), d.givenName(), d.preferredName());
    }

    private static String format(String family, String given, String preferred) {
        return preferred == null || preferred.isBlank()
                ? Messages.get("patient.name.format", family, given)
                : Messages.get("patient.name.formatPreferred", family, given, preferred);
    }
}
