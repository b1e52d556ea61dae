package clinic.threshold.domain.medication;

import clinic.threshold.domain.history.Confidence;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A safety rule as stored (V014): what it checks, the drugs or groups it names, its limit (days or mg),
 * how it speaks, and its source. Editing adds a newer row; {@code active} false retires a rule.
 */
public record MedicationRule(String code, RuleKind kind, String subject, String other, DoseForm form,
                             BigDecimal limit, AlertLevel level, boolean active, String message,
                             Confidence confidence, String source, LocalDate effectiveFrom) {

    /** For each code, the newest row in force on {@code on}, leaving out retired rules. */
    public static List<MedicationRule> inForce(List<MedicationRule> all, LocalDate on) {
        Map<String, MedicationRule> chosen = new LinkedHashMap<>();
        all.stream().filter(r -> !r.effectiveFrom().isAfter(on))
                .sorted(Comparator.comparing(MedicationRule::effectiveFrom)).forEach(r -> chosen.put(r.code(), r));
        return chosen.values().stream().filter(MedicationRule::active).toList();
    }
}
