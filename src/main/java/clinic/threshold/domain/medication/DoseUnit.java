package clinic.threshold.domain.medication;

import java.math.BigDecimal;

/** The unit a dose is written in. {@link #mgFactor()} converts to mg (null: not convertible, as for mL). */
public enum DoseUnit {
    MG(BigDecimal.ONE), MCG(new BigDecimal("0.001")), G(new BigDecimal("1000")), MG_PER_24H(BigDecimal.ONE), ML(null);

    private final BigDecimal mgFactor;

    DoseUnit(BigDecimal mgFactor) {
        this.mgFactor = mgFactor;
    }

    public BigDecimal mgFactor() {
        return mgFactor;
    }
}
