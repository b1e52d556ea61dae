package clinic.threshold.service;

import clinic.threshold.service.common.ReferenceService;
import clinic.threshold.service.patient.PatientService;

/** The use cases the UI and the CLI may call, as one bundle handed out by the composition root. */
public interface ClinicServices extends AutoCloseable {
    PatientService patients();

    ReferenceService reference();

    /** Human-readable location of the data folder, for status bars and CLI messages. */
    String dataLocation();

    boolean demo();

    @Override
    void close();
}
