package clinic.threshold.domain.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.common.Violation;
import clinic.threshold.service.history.SeedReference;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every seeded instrument scored from its items, with its bands and remission cut-off at their edges. */
class ScaleScoringTest {
    private static final Map<String, ScaleDefinition> SCALES = SeedReference.scales().stream()
            .collect(Collectors.toMap(ScaleDefinition::code, Function.identity()));
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private static List<Integer> items(String csv) {
        return Arrays.stream(csv.split(" ")).map(Integer::valueOf).toList();
    }

    @Test
    void theSeedHasTheSixInstrumentsWithTheirItemCountsAndRanges() {
        assertEquals(Map.of("PHQ9", 9, "GAD7", 7, "HAMD17", 17, "MADRS", 10, "QIDSSR16", 16, "BDI2", 21),
                SCALES.values().stream().collect(Collectors.toMap(ScaleDefinition::code, d -> d.items().size())));
        for (ScaleDefinition d : SCALES.values()) {
            int max = d.scoring() == Scoring.SUM ? d.items().stream().mapToInt(ScaleItem::max).sum() : 27;
            assertEquals(d.totalMax(), max, d.code() + ": the items add up to the range");
            assertEquals(d.totalMin(), d.bands().get(0).min(), d.code() + ": bands start at the minimum");
            assertEquals(d.totalMax(), d.bands().get(d.bands().size() - 1).max(), d.code() + ": and end at the maximum");
            for (int i = 1; i < d.bands().size(); i++) {
                assertEquals(d.bands().get(i - 1).max() + 1, d.bands().get(i).min(), d.code() + ": bands without gaps");
            }
            assertEquals(d.code().equals("GAD7") ? 0 : 1, d.items().stream().filter(ScaleItem::safety).count(),
                    d.code() + ": one suicide-risk item, except the anxiety scale");
        }
        assertEquals(List.of(9), safetyItems("PHQ9"));
        assertEquals(List.of(3), safetyItems("HAMD17"));
        assertEquals(List.of(10), safetyItems("MADRS"));
        assertEquals(List.of(12), safetyItems("QIDSSR16"));
        assertEquals(List.of(), safetyItems("GAD7"));
    }

    private static List<Integer> safetyItems(String code) {
        return SCALES.get(code).items().stream().filter(ScaleItem::safety).map(ScaleItem::number).toList();
    }

    @ParameterizedTest(name = "{0} {1} = {2} ({3}), remission {4}")
    @CsvSource({
            "PHQ9, 0 0 0 0 0 0 0 0 0, 0, minimal, true",
            "PHQ9, 1 1 1 1 0 0 0 0 0, 4, minimal, true",
            "PHQ9, 1 1 1 1 1 0 0 0 0, 5, mild, false",
            "PHQ9, 2 2 2 2 1 0 0 0 0, 9, mild, false",
            "PHQ9, 2 2 2 2 2 0 0 0 0, 10, moderate, false",
            "PHQ9, 3 3 3 3 3 0 0 0 0, 15, moderately severe, false",
            "PHQ9, 3 3 3 3 3 1 1 1 1, 19, moderately severe, false",
            "PHQ9, 3 3 3 3 3 2 1 1 1, 20, severe, false",
            "PHQ9, 3 3 3 3 3 3 3 3 3, 27, severe, false",
            "GAD7, 1 1 1 1 0 0 0, 4, minimal, true",
            "GAD7, 3 3 3 3 3 3 3, 21, severe, false",
            "MADRS, 1 1 1 1 1 1 1 1 1 1, 10, mild, true",
            "MADRS, 1 1 1 1 1 1 1 1 1 2, 11, mild, false",
            "MADRS, 2 2 2 2 2 2 2 2 2 2, 20, moderate, false",
            "MADRS, 4 4 4 4 4 4 4 4 3 0, 35, severe, false",
            "MADRS, 6 6 6 6 6 6 6 6 6 6, 60, severe, false",
            "HAMD17, 1 1 0 1 1 1 1 1 0 0 0 0 0 0 0 0 0, 7, none, true",
            "HAMD17, 1 1 0 1 1 1 1 1 1 0 0 0 0 0 0 0 0, 8, mild, false",
            "HAMD17, 4 4 4 2 2 2 4 4 4 4 4 2 2 2 4 2 2, 52, severe, false",
            "BDI2, 1 1 1 1 1 1 1 1 1 1 1 1 1 0 0 0 0 0 0 0 0, 13, minimal, true",
            "BDI2, 1 1 1 1 1 1 1 1 1 1 1 1 1 1 0 0 0 0 0 0 0, 14, mild, false",
            // Every band edge of the other instruments (scale-bands.tsv), and their remission cut-offs.
            "HAMD17, 4 4 0 2 2 2 2 0 0 0 0 0 0 0 0 0 0, 16, mild, false",
            "HAMD17, 4 4 0 2 2 2 3 0 0 0 0 0 0 0 0 0 0, 17, moderate, false",
            "HAMD17, 4 4 0 2 2 2 4 4 1 0 0 0 0 0 0 0 0, 23, moderate, false",
            "HAMD17, 4 4 0 2 2 2 4 4 2 0 0 0 0 0 0 0 0, 24, severe, false",
            "MADRS, 1 1 1 1 1 1 0 0 0 0, 6, normal, true",
            "MADRS, 1 1 1 1 1 1 1 0 0 0, 7, mild, true",
            "MADRS, 2 2 2 2 2 2 2 2 2 1, 19, mild, false",
            "GAD7, 3 3 3 0 0 0 0, 9, mild, false",
            "GAD7, 3 3 3 1 0 0 0, 10, moderate, false",
            "GAD7, 3 3 3 3 2 0 0, 14, moderate, false",
            "GAD7, 3 3 3 3 3 0 0, 15, severe, false",
            "GAD7, 1 1 1 1 1 0 0, 5, mild, false",
            "BDI2, 3 3 3 3 3 3 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0, 19, mild, false",
            "BDI2, 3 3 3 3 3 3 2 0 0 0 0 0 0 0 0 0 0 0 0 0 0, 20, moderate, false",
            "BDI2, 3 3 3 3 3 3 3 3 0 1 0 0 0 0 0 0 0 0 0 0 0, 25, moderate, false",
            "BDI2, 3 3 3 3 3 3 3 3 3 1 0 0 0 0 0 0 0 0 0 0 0, 28, moderate, false",
            "BDI2, 3 3 3 3 3 3 3 3 3 2 0 0 0 0 0 0 0 0 0 0 0, 29, severe, false"})
    void sumScalesScoreTheirBandsAndRemission(String code, String values, int total, String band, boolean remission) {
        ScaleDefinition d = SCALES.get(code);
        assertEquals(total, d.total(items(values)));
        assertEquals(band, d.band(total).orElseThrow().label());
        assertEquals(remission, d.inRemission(total));
    }

    @ParameterizedTest(name = "QIDS-SR16 {0} = {1}")
    @CsvSource({
            // sleep max(1-4), sad 5, appetite/weight max(6-9), 10, 11, 12, 13, 14, psychomotor max(15-16)
            "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0, 0, none",
            "3 3 3 3 0 0 0 0 0 0 0 0 0 0 0 0, 3, none",
            "1 2 3 0 0 0 0 0 0 0 0 0 0 0 0 0, 3, none",
            "0 0 0 0 3 0 0 0 0 1 0 0 0 0 1 1, 5, none",
            "0 0 0 0 3 3 3 3 3 0 0 0 0 0 0 0, 6, mild",
            "0 0 0 1 1 0 2 0 1 1 1 1 1 1 2 3, 12, moderate",
            "3 0 0 0 3 0 0 0 3 3 3 3 3 3 0 3, 27, very severe",
            "3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3, 27, very severe",
            "2 0 0 0 2 1 0 0 0 2 2 0 2 2 1 0, 14, moderate",
            "2 0 0 0 2 1 0 0 0 2 2 1 2 2 1 0, 15, moderate",
            "2 0 0 0 2 1 0 0 0 2 2 1 2 2 2 0, 16, severe"})
    void qidsScoresNineDomains(String values, int total, String band) {
        ScaleDefinition d = SCALES.get("QIDSSR16");
        assertEquals(total, d.total(items(values)));
        assertEquals(band, d.band(total).orElseThrow().label());
        assertEquals(total <= 5, d.inRemission(total));
    }

    @Test
    void aSafetyItemAboveZeroIsASignalWhateverTheTotal() {
        ScaleDefinition phq = SCALES.get("PHQ9");
        assertEquals(List.of(9), phq.safetySignals(items("0 0 0 0 0 0 0 0 1")));
        assertEquals(List.of(), phq.safetySignals(items("3 3 3 3 3 3 3 3 0")));
        assertEquals(List.of(12), SCALES.get("QIDSSR16").safetySignals(items("0 0 0 0 0 0 0 0 0 0 0 2 0 0 0 0")));
        ScaleDefinition bdi = SCALES.get("BDI2");
        assertEquals(List.of(9), safetyItems("BDI2"));
        assertEquals(List.of(9), bdi.safetySignals(items("0 0 0 0 0 0 0 0 2 0 0 0 0 0 0 0 0 0 0 0 0")),
                "BDI-II item 9 with a licence, items typed");
        assertEquals(List.of(), bdi.safetySignals(items("3 3 3 3 3 3 3 3 0 3 3 3 3 3 3 3 3 3 3 3 3")));
        assertEquals(List.of(9), bdi.safetySignals(new ScaleEntry("BDI2", TODAY, List.of(), 20, "tech", 1)),
                "without one, the total with item 9 beside it");
        assertEquals(List.of(), bdi.safetySignals(new ScaleEntry("BDI2", TODAY, List.of(), 20, "tech", 0)));
    }

    @Test
    void badEntriesAreRefusedWithTheirField() {
        ScaleDefinition phq = SCALES.get("PHQ9");
        List<Violation> range = ScaleEntryValidator.validate(phq, new ScaleEntry("PHQ9", TODAY,
                items("0 0 0 0 4 0 0 0 0"), null, "tech"), TODAY, false);
        assertEquals(List.of("items[4] outcome.error.itemRange"), fields(range));
        List<Integer> missing = new ArrayList<>(items("0 0 0 0 0 0 0 0 0"));
        missing.set(8, null);
        assertEquals(List.of("items[8] outcome.error.itemMissing"),
                fields(ScaleEntryValidator.validate(phq, new ScaleEntry("PHQ9", TODAY, missing, null, "tech"), TODAY, false)));
        assertEquals(List.of("items outcome.error.itemCount"), fields(ScaleEntryValidator.validate(phq,
                new ScaleEntry("PHQ9", TODAY, items("0 0 0"), null, "tech"), TODAY, false)));
        assertEquals(List.of("items outcome.error.itemsRequired"), fields(ScaleEntryValidator.validate(phq,
                new ScaleEntry("PHQ9", TODAY, List.of(), 12, "tech"), TODAY, false)), "PHQ-9 needs its items (item 9)");
        assertEquals(List.of("date outcome.error.future"), fields(ScaleEntryValidator.validate(phq,
                new ScaleEntry("PHQ9", TODAY.plusDays(1), items("0 0 0 0 0 0 0 0 0"), null, "tech"), TODAY, false)));
        ScaleDefinition madrs = SCALES.get("MADRS");
        assertEquals(List.of(), fields(ScaleEntryValidator.validate(madrs, new ScaleEntry("MADRS", TODAY, List.of(), 24,
                "dr", 0), TODAY, false)), "a clinician scale may be a total alone, with its suicide-risk item");
        assertEquals(List.of("safetyValue outcome.error.safetyItemRequired"), fields(ScaleEntryValidator.validate(madrs,
                new ScaleEntry("MADRS", TODAY, List.of(), 24, "dr"), TODAY, false)), "but never without it");
        assertEquals(List.of("safetyValue outcome.error.itemRange"), fields(ScaleEntryValidator.validate(madrs,
                new ScaleEntry("MADRS", TODAY, List.of(), 24, "dr", 7), TODAY, false)));
        assertEquals(List.of(10), SCALES.get("MADRS").safetySignals(new ScaleEntry("MADRS", TODAY, List.of(), 24,
                "dr", 4)), "item 10 at 4 is a signal though only the total was copied");
        assertEquals(List.of("ratedBy outcome.error.tooLong"), fields(ScaleEntryValidator.validate(madrs,
                new ScaleEntry("MADRS", TODAY, List.of(), 24, "x".repeat(61), 0), TODAY, false)));
        assertEquals(List.of("total outcome.error.totalRange"), fields(ScaleEntryValidator.validate(madrs,
                new ScaleEntry("MADRS", TODAY, List.of(), 61, "dr", 0), TODAY, false)));
        ScaleDefinition bdi = SCALES.get("BDI2");
        assertEquals(List.of("items outcome.error.licensed"), fields(ScaleEntryValidator.validate(bdi, new ScaleEntry("BDI2",
                TODAY, items("0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"), null, "tech"), TODAY, false)));
        assertEquals(List.of("safetyValue outcome.error.safetyItemRequired"), fields(ScaleEntryValidator.validate(bdi,
                new ScaleEntry("BDI2", TODAY, List.of(), 20, "tech"), TODAY, false)), "BDI-II total: item 9 still asked");
        assertEquals(List.of(), fields(ScaleEntryValidator.validate(bdi, new ScaleEntry("BDI2",
                TODAY, items("0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"), null, "tech"), TODAY, true)), "with a licence");
        assertThrows(IllegalArgumentException.class, () -> phq.total(items("1 2 3")));
    }

    @Test
    void aTotalAloneCannotBeBelowItsSuicideRiskItemNorAboveWhatTheOtherItemsCouldAdd() {
        ScaleDefinition madrs = SCALES.get("MADRS");
        List<Violation> below = ScaleEntryValidator.validate(madrs, new ScaleEntry("MADRS", TODAY, List.of(), 2, "dr", 4),
                TODAY, false);
        assertEquals(List.of("total outcome.error.totalBelowSafety"), fields(below), "MADRS 2 with item 10 at 4");
        assertEquals(List.of(2, 10, 4), below.get(0).args());
        assertEquals(List.of(), fields(ScaleEntryValidator.validate(madrs, new ScaleEntry("MADRS", TODAY, List.of(), 4, "dr", 4),
                TODAY, false)), "the item alone may make the whole total");
        // Nine other items of 0-6 add up to 54 at most: with item 10 at 0 the total is at most 54.
        assertEquals(List.of("total outcome.error.totalAboveSafety"), fields(ScaleEntryValidator.validate(madrs,
                new ScaleEntry("MADRS", TODAY, List.of(), 55, "dr", 0), TODAY, false)));
        assertEquals(List.of(), fields(ScaleEntryValidator.validate(madrs, new ScaleEntry("MADRS", TODAY, List.of(), 54, "dr", 0),
                TODAY, false)));
        ScaleDefinition hamd = SCALES.get("HAMD17");
        assertEquals(List.of("total outcome.error.totalBelowSafety"), fields(ScaleEntryValidator.validate(hamd,
                new ScaleEntry("HAMD17", TODAY, List.of(), 1, "dr", 2), TODAY, false)), "HAM-D item 3 at 2");
        ScaleDefinition bdi = SCALES.get("BDI2");
        assertEquals(List.of("total outcome.error.totalBelowSafety"), fields(ScaleEntryValidator.validate(bdi,
                new ScaleEntry("BDI2", TODAY, List.of(), 0, "tech", 1), TODAY, false)), "BDI-II item 9 at 1");
    }

    private static List<String> fields(List<Violation> vs) {
        return vs.stream().map(v -> v.field() + " " + v.messageKey()).toList();
    }

    @ParameterizedTest(name = "baseline {0}, now {1}: {2}")
    @CsvSource({
            "20, 10, RESPONSE, false",
            "20, 11, PARTIAL_RESPONSE, false",
            "20, 15, PARTIAL_RESPONSE, false",
            "20, 16, NO_RESPONSE, false",
            "14, 7, RESPONSE, false",
            "9, 4, RESPONSE, true",
            "12, 4, RESPONSE, true",
            "8, 6, PARTIAL_RESPONSE, false",
            "10, 12, NO_RESPONSE, false",
            "0, 0, NOT_ASSESSABLE, true"})
    void responseAndRemissionAgainstTheBaseline(int baseline, int total, Change change, boolean remission) {
        OutcomeClassifier c = new OutcomeClassifier(new OutcomeRules(50, 25));
        OutcomeClassifier.Result r = c.classify(SCALES.get("PHQ9"), baseline, total);
        assertEquals(change, r.change());
        assertEquals(remission, r.remission());
    }

    @Test
    void theFirstDayOfResponseAndOfRemission() {
        OutcomeClassifier c = new OutcomeClassifier(new OutcomeRules(50, 25));
        ScaleDefinition phq = SCALES.get("PHQ9");
        OutcomeClassifier.Point base = new OutcomeClassifier.Point(TODAY.minusWeeks(6), 22);
        List<OutcomeClassifier.Point> after = List.of(new OutcomeClassifier.Point(TODAY.minusWeeks(5), 20),
                new OutcomeClassifier.Point(TODAY.minusWeeks(3), 11), new OutcomeClassifier.Point(TODAY.minusWeeks(2), 9),
                new OutcomeClassifier.Point(TODAY, 4));
        assertEquals(TODAY.minusWeeks(3), c.firstResponse(phq, base, after).orElseThrow().date(), "11 is 50% of 22");
        assertEquals(TODAY, c.firstRemission(phq, base, after).orElseThrow().date());
        assertFalse(c.firstResponse(phq, base, after.subList(0, 1)).isPresent());
        assertTrue(c.firstRemission(phq, base, List.of()).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new OutcomeRules(25, 50));
    }
}
