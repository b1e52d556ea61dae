package clinic.threshold.domain.medication;

import java.util.EnumSet;
import java.util.Set;

/**
 * The form a drug is dispensed in, and the units a dose of that form can be written in: a tablet is dosed
 * in mg (or mcg, g), an oral solution in mL or mg, a patch per 24 hours. Release matters to the safety
 * rules (bupropion's per-dose limits differ for immediate and sustained release).
 */
public enum DoseForm {
    TABLET(EnumSet.of(DoseUnit.MG, DoseUnit.MCG, DoseUnit.G)),
    TABLET_SR(EnumSet.of(DoseUnit.MG, DoseUnit.MCG)),
    TABLET_XR(EnumSet.of(DoseUnit.MG, DoseUnit.MCG)),
    CAPSULE(EnumSet.of(DoseUnit.MG, DoseUnit.MCG, DoseUnit.G)),
    CAPSULE_XR(EnumSet.of(DoseUnit.MG, DoseUnit.MCG)),
    ORALLY_DISINTEGRATING(EnumSet.of(DoseUnit.MG)),
    ORAL_SOLUTION(EnumSet.of(DoseUnit.ML, DoseUnit.MG)),
    PATCH(EnumSet.of(DoseUnit.MG_PER_24H, DoseUnit.MCG)),
    NASAL_SPRAY(EnumSet.of(DoseUnit.MG)),
    INJECTION(EnumSet.of(DoseUnit.MG, DoseUnit.MCG, DoseUnit.ML)),
    OTHER(EnumSet.allOf(DoseUnit.class));

    private final Set<DoseUnit> units;

    DoseForm(Set<DoseUnit> units) {
        this.units = units;
    }

    public boolean accepts(DoseUnit unit) {
        return units.contains(unit);
    }

    public Set<DoseUnit> units() {
        return EnumSet.copyOf(units);
    }
}
