package clinic.threshold.service.history;

import clinic.threshold.domain.history.Confidence;
import clinic.threshold.domain.history.DrugClass;
import clinic.threshold.domain.history.Formulary;
import clinic.threshold.domain.history.FormularyAgent;
import clinic.threshold.domain.history.RuleSetting;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The seed reference data shipped with Threshold ({@code reference/formulary.tsv}, {@code
 * reference/trd-rules.tsv}): what a new clinic's database starts with, and what {@code threshold assess}
 * uses, since it reads no database. A test keeps the migration's seed rows equal to these files.
 */
public final class SeedReference {
    private SeedReference() {
    }

    public static Formulary formulary() {
        List<FormularyAgent> rows = new ArrayList<>();
        for (String[] c : rows("/reference/formulary.tsv", 10)) {
            rows.add(new FormularyAgent(c[0], c[1].isEmpty() ? List.of() : Arrays.asList(c[1].split(";")),
                    DrugClass.valueOf(c[2]), c[3].isEmpty() ? null : c[3], new BigDecimal(c[4]), new BigDecimal(c[5]),
                    Confidence.ofTag(c[6]), c[7], LocalDate.parse(c[9])));
        }
        return new Formulary(rows);
    }

    public static List<RuleSetting> rules() {
        List<RuleSetting> out = new ArrayList<>();
        for (String[] c : rows("/reference/trd-rules.tsv", 5)) {
            out.add(new RuleSetting(c[0], c[1], Confidence.ofTag(c[2]), c[3], LocalDate.parse(c[4])));
        }
        return out;
    }

    /** The seed medication safety rules ({@code reference/medication-rules.tsv}, V014). */
    public static List<clinic.threshold.domain.medication.MedicationRule> medicationRules() {
        List<clinic.threshold.domain.medication.MedicationRule> out = new ArrayList<>();
        for (String[] c : rows("/reference/medication-rules.tsv", 11)) {
            out.add(new clinic.threshold.domain.medication.MedicationRule(c[0],
                    clinic.threshold.domain.medication.RuleKind.valueOf(c[1]), c[2], c[3].isEmpty() ? null : c[3],
                    c[4].isEmpty() ? null : clinic.threshold.domain.medication.DoseForm.valueOf(c[4]),
                    c[5].isEmpty() ? null : new BigDecimal(c[5]), clinic.threshold.domain.medication.AlertLevel.valueOf(c[6]),
                    true, c[7], Confidence.ofTag(c[8]), c[9], LocalDate.parse(c[10])));
        }
        return out;
    }

    /** The seed drug groups ({@code reference/drug-groups.tsv}, V014). */
    public static List<clinic.threshold.domain.medication.DrugGroupMember> drugGroups() {
        List<clinic.threshold.domain.medication.DrugGroupMember> out = new ArrayList<>();
        for (String[] c : rows("/reference/drug-groups.tsv", 5)) {
            out.add(new clinic.threshold.domain.medication.DrugGroupMember(c[0], c[1], true, Confidence.ofTag(c[2]), c[3],
                    LocalDate.parse(c[4])));
        }
        return out;
    }

    /** The seed rating scales ({@code reference/scales.tsv} with its items and bands). */
    public static List<clinic.threshold.domain.outcome.ScaleDefinition> scales() {
        java.util.Map<String, List<clinic.threshold.domain.outcome.ScaleItem>> items = new java.util.HashMap<>();
        for (String[] c : rows("/reference/scale-items.tsv", 6)) {
            items.computeIfAbsent(c[0], k -> new ArrayList<>()).add(new clinic.threshold.domain.outcome.ScaleItem(
                    Integer.parseInt(c[1]), c[2], Integer.parseInt(c[3]), Integer.parseInt(c[4]), c[5].equals("1")));
        }
        java.util.Map<String, List<clinic.threshold.domain.outcome.SeverityBand>> bands = new java.util.HashMap<>();
        for (String[] c : rows("/reference/scale-bands.tsv", 4)) {
            bands.computeIfAbsent(c[0], k -> new ArrayList<>()).add(new clinic.threshold.domain.outcome.SeverityBand(
                    Integer.parseInt(c[1]), Integer.parseInt(c[2]), c[3]));
        }
        List<clinic.threshold.domain.outcome.ScaleDefinition> out = new ArrayList<>();
        for (String[] c : rows("/reference/scales.tsv", 12)) {
            out.add(new clinic.threshold.domain.outcome.ScaleDefinition(c[0], c[1],
                    clinic.threshold.domain.outcome.Rater.valueOf(c[2]), clinic.threshold.domain.outcome.Scoring.valueOf(c[3]),
                    Integer.parseInt(c[4]), Integer.parseInt(c[5]), c[6].equals("LT"), Integer.parseInt(c[7]),
                    Boolean.parseBoolean(c[8]), Boolean.parseBoolean(c[9]), items.getOrDefault(c[0], List.of()),
                    bands.getOrDefault(c[0], List.of()), Confidence.ofTag(c[10]), c[11]));
        }
        return out;
    }

    /** The seed outcome rules ({@code reference/outcome-rules.tsv}): response and partial-response thresholds. */
    public static List<RuleSetting> outcomeRules() {
        List<RuleSetting> out = new ArrayList<>();
        for (String[] c : rows("/reference/outcome-rules.tsv", 5)) {
            out.add(new RuleSetting(c[0], c[1], Confidence.ofTag(c[2]), c[3], LocalDate.parse(c[4])));
        }
        return out;
    }

    /** Notes of the formulary rows, by generic name (shown beside the dose on the formulary screen). */
    public static java.util.Map<String, String> formularyNotes() {
        java.util.Map<String, String> notes = new java.util.LinkedHashMap<>();
        for (String[] c : rows("/reference/formulary.tsv", 10)) {
            notes.put(c[0], c[8]);
        }
        return notes;
    }

    /** The rows of a shipped seed table (tab-separated, '#' comments), each with exactly {@code columns} cells. */
    public static List<String[]> tsv(String resource, int columns) {
        return rows(resource, columns);
    }

    private static List<String[]> rows(String resource, int columns) {
        try (InputStream in = SeedReference.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing seed resource " + resource);
            }
            List<String[]> out = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                if (c.length != columns) {
                    throw new IllegalStateException(resource + " line " + n + " has " + c.length + " columns, not " + columns);
                }
                out.add(c);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
