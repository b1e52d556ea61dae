package clinic.threshold.service.common;

import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.reference.ReferenceRepository;
import clinic.threshold.domain.reference.DiagnosisCode;
import clinic.threshold.domain.reference.Payer;
import java.util.List;
import java.util.Optional;

/** Reference lists that forms offer: payers and diagnosis codes. Any signed-in user may read them. */
public final class ReferenceService {
    private final Transactor tx;
    private final Guard guard;

    public ReferenceService(Transactor tx, Guard guard) {
        this.tx = tx;
        this.guard = guard;
    }

    /** Active payers, by name. */
    public List<Payer> payers() {
        return payersIncluding(null);
    }

    /** Active payers plus {@code payerId} even if retired (for editing a patient who has it). */
    public List<Payer> payersIncluding(Integer payerId) {
        guard.signedIn();
        return tx.read(dsl -> new ReferenceRepository(dsl).payers(payerId));
    }

    public List<DiagnosisCode> diagnosisCodes() {
        return diagnosisCodesIncluding(null);
    }

    /** Active codes plus {@code code} even if retired. */
    public List<DiagnosisCode> diagnosisCodesIncluding(String code) {
        guard.signedIn();
        return tx.read(dsl -> new ReferenceRepository(dsl).diagnosisCodes(code));
    }

    public Optional<Payer> payer(int id) {
        guard.signedIn();
        return tx.read(dsl -> new ReferenceRepository(dsl).payer(id));
    }

    public Optional<DiagnosisCode> diagnosis(String code) {
        guard.signedIn();
        return tx.read(dsl -> new ReferenceRepository(dsl).diagnosis(code));
    }
}
