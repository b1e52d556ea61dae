package clinic.threshold.data.reference;

import static clinic.threshold.data.jooq.Tables.DIAGNOSIS_CODE;
import static clinic.threshold.data.jooq.Tables.PAYER;

import clinic.threshold.domain.reference.DiagnosisCode;
import clinic.threshold.domain.reference.Payer;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Read access to the small reference tables that forms pick from. */
public final class ReferenceRepository {
    private final DSLContext dsl;

    public ReferenceRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Active payers by name, plus {@code alsoId} even when it was retired, so that editing a patient whose
     * payer was deactivated never silently drops it.
     */
    public List<Payer> payers(Integer alsoId) {
        return dsl.selectFrom(PAYER)
                .where(PAYER.ACTIVE.isTrue().or(alsoId == null ? DSL.falseCondition() : PAYER.ID.eq(alsoId)))
                .orderBy(PAYER.NAME)
                .fetch(r -> new Payer(r.getId(), r.getCode(), r.getName(), r.getKind()));
    }

    /** Active codes (depressive first, then comorbid, each by code), plus {@code alsoCode} even if retired. */
    public List<DiagnosisCode> diagnosisCodes(String alsoCode) {
        return dsl.selectFrom(DIAGNOSIS_CODE)
                .where(DIAGNOSIS_CODE.ACTIVE.isTrue()
                        .or(alsoCode == null ? DSL.falseCondition() : DIAGNOSIS_CODE.CODE.eq(alsoCode)))
                .orderBy(DIAGNOSIS_CODE.CATEGORY.desc(), DIAGNOSIS_CODE.CODE)
                .fetch(r -> new DiagnosisCode(r.getCode(), r.getDescription(), r.getCategory(), r.getPayerNote(),
                        Boolean.TRUE.equals(r.getUnconfirmed())));
    }

    /** Any payer by id, active or not. */
    public Optional<Payer> payer(int id) {
        return dsl.selectFrom(PAYER).where(PAYER.ID.eq(id)).fetchOptional()
                .map(r -> new Payer(r.getId(), r.getCode(), r.getName(), r.getKind()));
    }

    /** Any diagnosis code, active or not. */
    public Optional<DiagnosisCode> diagnosis(String code) {
        return dsl.selectFrom(DIAGNOSIS_CODE).where(DIAGNOSIS_CODE.CODE.eq(code)).fetchOptional()
                .map(r -> new DiagnosisCode(r.getCode(), r.getDescription(), r.getCategory(), r.getPayerNote(),
                        Boolean.TRUE.equals(r.getUnconfirmed())));
    }
}
