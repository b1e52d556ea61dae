package clinic.threshold.service.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.data.db.Database;
import clinic.threshold.data.db.DatabaseConfig;
import clinic.threshold.data.history.ReferenceDataRepository;
import clinic.threshold.domain.history.AssessmentRules;
import clinic.threshold.domain.history.Confidence;
import clinic.threshold.domain.history.FormularyAgent;
import clinic.threshold.domain.history.RuleSetting;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rows the migration seeds are exactly the shipped seed files, so the app and `threshold assess` agree. */
class SeedReferenceIT {
    @TempDir
    Path dir;

    private static String agent(FormularyAgent a) {
        return String.join("|", a.genericName(), String.join(";", a.brandNames()), a.drugClass().name(),
                String.valueOf(a.subclass()), a.minAdequateMgPerDay().stripTrailingZeros().toPlainString(),
                a.maxPlausibleMgPerDay().stripTrailingZeros().toPlainString(), a.confidence().tag(), a.source(),
                a.effectiveFrom().toString());
    }

    @Test
    void theMigratedReferenceDataEqualsTheSeedFiles() {
        try (Database db = Database.open(DatabaseConfig.in(dir))) {
            ReferenceDataRepository repo = new ReferenceDataRepository(db.dsl());
            List<String> stored = repo.formulary().stream().map(SeedReferenceIT::agent).sorted().toList();
            List<String> seed = SeedReference.formulary().rows().stream().map(SeedReferenceIT::agent).sorted().toList();
            assertEquals(seed, stored);
            assertEquals(SeedReference.rules().stream().sorted(java.util.Comparator.comparing(RuleSetting::key)).toList(),
                    repo.rules());
            assertEquals(SeedReference.formularyNotes().entrySet().stream().filter(e -> !e.getValue().isEmpty())
                    .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue)),
                    repo.formularyNotes().entrySet().stream().filter(e -> e.getValue() != null)
                            .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue)));
        }
    }

    @Test
    void theMigratedMedicationRulesAndDrugGroupsEqualTheSeedFiles() {
        try (Database db = Database.open(DatabaseConfig.in(dir))) {
            var repo = new clinic.threshold.data.medication.MedicationRuleRepository(db.dsl());
            var byCode = java.util.Comparator.comparing(clinic.threshold.domain.medication.MedicationRule::code);
            assertEquals(SeedReference.medicationRules().stream().sorted(byCode).toList(),
                    repo.rules().stream().sorted(byCode).toList());
            var byMember = java.util.Comparator.comparing((clinic.threshold.domain.medication.DrugGroupMember m) -> m.group()
                    + "|" + m.drug());
            assertEquals(SeedReference.drugGroups().stream().sorted(byMember).toList(),
                    repo.members().stream().sorted(byMember).toList());
            assertTrue(SeedReference.medicationRules().size() >= 20, "the domain.md 7.3 minimum set is seeded");
        }
    }

    @Test
    void theMigratedScalesAndOutcomeRulesEqualTheSeedFiles() {
        try (Database db = Database.open(DatabaseConfig.in(dir))) {
            var repo = new clinic.threshold.data.outcome.OutcomeRepository(db.dsl());
            var byCode = java.util.Comparator.comparing(clinic.threshold.domain.outcome.ScaleDefinition::code);
            assertEquals(SeedReference.scales().stream().sorted(byCode).toList(), repo.scales().stream().sorted(byCode).toList());
            var byKey = java.util.Comparator.comparing(RuleSetting::key);
            assertEquals(SeedReference.outcomeRules().stream().sorted(byKey).toList(), repo.rules().stream().sorted(byKey)
                    .toList());
        }
    }

    @Test
    void theSeedRulesMakeAWholeRuleSetAndUnconfirmedRowsAreMarked() {
        AssessmentRules rules = AssessmentRules.from(SeedReference.rules());
        assertEquals(6, rules.minWeeksAdequate());
        assertEquals(AssessmentRules.KEYS.size(), SeedReference.rules().size(), "one seed row per rule");
        assertTrue(SeedReference.rules().stream().anyMatch(r -> r.confidence() == Confidence.UNCONFIRMED),
                "the unconfirmed psychotherapy session count is marked");
        assertTrue(SeedReference.formulary().rows().stream().filter(a -> a.confidence() == Confidence.UNCONFIRMED)
                .map(FormularyAgent::genericName).toList().containsAll(List.of("phenelzine", "vilazodone", "lithium")));
    }
}
