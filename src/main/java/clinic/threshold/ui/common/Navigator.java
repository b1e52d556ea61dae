package clinic.threshold.ui.common;

/** Moves between screens: implemented by the main window, called by screens that open others. */
public interface Navigator {
    void openChart(long patientId);

    void newPatient();

    void editPatient(long patientId);
}
