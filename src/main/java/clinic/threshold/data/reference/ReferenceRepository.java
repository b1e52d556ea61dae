package clinic.threshold.data.reference;

import static clinic.threshold.data.jooq.Tables.DIAGNOSIS_CODE;
import static clinic.threshold.data.jooq.Tables.PAYER;

import clinic.threshold.domain.reference.DiagnosisCode;
import clinic.threshold.domain.reference.Payer;
import java.util.List;
import org.jooq.DSLContext;

/** Read access to the small reference tables that forms pick from. */
public final class ReferenceRepository {
    private final DSLContext dsl;

    public ReferenceRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Active payers, by name. */
    public List<Payer> activePayers() {
        return dsl.selectFrom(PAYER).where(PAYER.ACTIVE.isTrue()).orderBy(PAYER.NAME)
                .fetch(r -> new Payer(r.getId(), r.getCode(), r.getName(), r.getKind()));
    }

    /** Active diagnosis codes: depressive disorders first, then comorbidities, each by code. */
    public List<DiagnosisCode> activeDiagnosisCodes() {
        return dsl.selectFrom(DIAGNOSIS_CODE).where(DIAGNOSIS_CODE.ACTIVE.isTrue())
                .orderBy(DIAGNOSIS_CODE.CATEGORY.desc(), DIAGNOSIS_CODE.CODE)
                .fetch(r -> new DiagnosisCode(r.getCode(), r.getDescription(), r.getCategory(), r.getPayerNote(),
                        Boolean.TRUE.equals(r.getUnconfirmed())));
    }
}
