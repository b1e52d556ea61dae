package clinic.threshold.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import clinic.threshold.domain.report.TrdProfileReport.Profile;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Four patients worked out by hand: distributions of failed trials, stages and bands, with shares of all four. */
class TrdProfileReportTest {
    static List<Object> row(ReportResult r, String dimension, String value) {
        return r.table().rows().stream().filter(x -> x.get(0).equals(dimension) && x.get(1).equals(value)).findFirst().orElseThrow();
    }

    @Test
    void distributions() {
        List<Profile> profiles = List.of(new Profile(0, 0, null, false), new Profile(2, 2, "MODERATE", true),
                new Profile(2, 1, "MODERATE", true), new Profile(5, 4, "SEVERE", true));
        ReportResult r = TrdProfileReport.compute(ReportParams.between(null, null), List.of("MILD", "MODERATE", "SEVERE"), profiles, 2);
        assertEquals(List.of(1, new BigDecimal("25.0")), row(r, "failedTrials", "0").subList(2, 4));
        assertEquals(List.of(0, new BigDecimal("0.0")), row(r, "failedTrials", "1").subList(2, 4), "gaps are listed");
        assertEquals(List.of(2, new BigDecimal("50.0")), row(r, "failedTrials", "2").subList(2, 4));
        assertEquals(1, row(r, "failedTrials", "5").get(2));
        assertEquals(6, r.table().rows().stream().filter(x -> x.get(0).equals("failedTrials")).count(), "0 to 5");
        assertEquals(1, row(r, "thaseRush", "stage.II").get(2));
        assertEquals(0, row(r, "thaseRush", "stage.V").get(2));
        assertEquals(List.of(0, 2, 1, 1), List.of(row(r, "maudsley", "MILD").get(2), row(r, "maudsley", "MODERATE").get(2),
                row(r, "maudsley", "SEVERE").get(2), row(r, "maudsley", "NOT_STAGED").get(2)));
        assertEquals(List.of(3, new BigDecimal("75.0")), row(r, "trd", "trd.yes").subList(2, 4));
        assertEquals(List.of(4, 3, 2, "2.3"), r.notes().get(0).values(), "mean (0 + 2 + 2 + 5) / 4 = 2.25, shown as 2.3");
    }
}
