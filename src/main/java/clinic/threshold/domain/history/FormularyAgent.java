package clinic.threshold.domain.history;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A formulary row: an agent, its class, the minimum daily dose that counts as adequate, and the largest
 * daily dose accepted as plausible input (a typing-error guard, not a prescribing limit). Each row has a
 * source, a confidence, and the date from which it applies; editing a row adds a newer one.
 */
public record FormularyAgent(String genericName, List<String> brandNames, DrugClass drugClass, String subclass,
                             BigDecimal minAdequateMgPerDay, BigDecimal maxPlausibleMgPerDay,
                             Confidence confidence, String source, LocalDate effectiveFrom) {
    public FormularyAgent {
        brandNames = List.copyOf(brandNames);
    }

    /** True when this agent is known by {@code name}: its generic name or a brand, ignoring case. */
    public boolean knownAs(String name) {
        String n = name.strip();
        return genericName.equalsIgnoreCase(n) || brandNames.stream().anyMatch(b -> b.equalsIgnoreCase(n));
    }
}
