package clinic.threshold.service.common;

import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.reference.ReferenceRepository;
import clinic.threshold.domain.reference.DiagnosisCode;
import clinic.threshold.domain.reference.Payer;
import java.util.List;

/** Reference lists that forms offer: payers and diagnosis codes. */
public final class ReferenceService {
    private final Transactor tx;

    public ReferenceService(Transactor tx) {
        this.tx = tx;
    }

    public List<Payer> payers() {
        return tx.read(dsl -> new ReferenceRepository(dsl).activePayers());
    }

    public List<DiagnosisCode> diagnosisCodes() {
        return tx.read(dsl -> new ReferenceRepository(dsl).activeDiagnosisCodes());
    }
}
