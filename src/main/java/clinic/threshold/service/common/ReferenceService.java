package clinic.threshold.service.common;

import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.reference.ReferenceRepository;
import clinic.threshold.domain.reference.DiagnosisCode;
import clinic.threshold.domain.reference.Payer;
import java.util.List;
import java.util.Optional;

/** Reference lists that forms offer: payers and diagnosis codes. */
public final class ReferenceService {
    private final Transactor tx;

    public ReferenceService(Transactor tx) {
        this.tx = tx;
    }

    /** Active payers, by name. */
    public List<Payer> payers() {
        return payersIncluding(null);
    }

    /** Active payers plus {@code payerId} even if retired (for editing a patient who has it). */
    public List<Payer> payersIncluding(Integer payerId) {
        return tx.read(dsl -> new ReferenceRepository(dsl).payers(payerId));
    }

    public List<DiagnosisCode> diagnosisCodes() {
        return diagnosisCodesIncluding(null);
    }

    /** Active codes plus {@code code} even if retired. */
    public List<DiagnosisCode> diagnosisCodesIncluding(String code) {
        return tx.read(dsl -> new ReferenceRepository(dsl).diagnosisCodes(code));
    }

    public Optional<Payer> payer(int id) {
        return tx.read(dsl -> new ReferenceRepository(dsl).payer(id));
    }

    public Optional<DiagnosisCode> diagnosis(String code) {
        return tx.read(dsl -> new ReferenceRepository(dsl).diagnosis(code));
    }
}
