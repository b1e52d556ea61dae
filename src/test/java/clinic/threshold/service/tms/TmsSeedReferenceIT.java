package clinic.threshold.service.tms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.data.db.Database;
import clinic.threshold.data.db.DatabaseConfig;
import clinic.threshold.data.tms.TmsReferenceRepository;
import clinic.threshold.domain.history.RuleSetting;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.domain.tms.ScreeningSeverity;
import clinic.threshold.domain.tms.TmsRules;
import java.nio.file.Path;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V016's seed rows are exactly the shipped TMS seed files, so the app and the CLI plan the same courses. */
class TmsSeedReferenceIT {
    @TempDir
    Path dir;

    @Test
    void theMigratedTmsReferenceDataEqualsTheSeedFiles() {
        try (Database db = Database.open(DatabaseConfig.in(dir))) {
            TmsReferenceRepository repo = new TmsReferenceRepository(db.dsl());
            assertEquals(TmsSeedReference.protocols().stream().sorted(Comparator.comparing(Protocol::code)).toList(),
                    repo.protocols());
            assertEquals(TmsSeedReference.devices(), repo.devices());
            assertEquals(TmsSeedReference.billingCodes(), repo.billingCodes());
            assertEquals(TmsSeedReference.rules().stream().sorted(Comparator.comparing(RuleSetting::key)).toList(), repo.rules());
            assertEquals(TmsSeedReference.screeningForm(), repo.screeningForm());
            assertEquals(1, repo.screeningFormVersion());
        }
    }

    @Test
    void theSeedsMakeWholeRuleSetsAndTheStandardCourseIsThirtySix() {
        TmsRules rules = TmsRules.from(TmsSeedReference.rules());
        assertEquals(7, rules.mtEveryDays());
        assertEquals(10, rules.extensionStep());
        Protocol tenHz = TmsSeedReference.protocols().stream().filter(p -> p.code().equals("TENHZ")).findFirst().orElseThrow();
        assertEquals(36, tenHz.template().standardSessions());
        assertEquals(3000, tenHz.pulses());
        Protocol acc = TmsSeedReference.protocols().stream().filter(p -> p.code().equals("ACC_ITBS")).findFirst().orElseThrow();
        assertTrue(acc.offLabel() && acc.template().accelerated());
        assertEquals(50, acc.template().standardSessions());
        assertTrue(TmsSeedReference.screeningForm().stream().anyMatch(i -> i.severity() == ScreeningSeverity.ABSOLUTE));
    }
}
