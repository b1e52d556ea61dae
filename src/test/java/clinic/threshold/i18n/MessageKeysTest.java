package clinic.threshold.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.patient.PatientField;
import clinic.threshold.domain.patient.PatientStatus;
import clinic.threshold.domain.patient.PossibleDuplicate;
import clinic.threshold.domain.patient.Sex;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Fails when code or FXML uses a message key the bundle lacks, including keys built from enums and fields. */
class MessageKeysTest {
    private static final Path MAIN = Path.of("src/main");
    private static final Pattern JAVA_KEY = Pattern.compile("Messages\\.get\\(\\s*\"([a-zA-Z0-9_.]+)\"");
    // Domain message namespaces only ("history.trial.create" is an audit action, not a message).
    private static final Pattern DOMAIN_KEY = Pattern.compile(
            "\"((?:validation|history\\.reason|history\\.stage|history\\.error|reference\\.error|medication\\.error|outcome\\.error|tms\\.error|tms\\.warning|settings\\.calendar\\.error|schedule\\.conflict|schedule\\.error|payer\\.evidence|payer\\.missing|payer\\.error|auth\\.error|letter\\.error|report\\.error|report\\.note)\\.[a-zA-Z0-9_.]+)\"");
    /** Any string literal in a message-key namespace, so keys chosen in ternaries or helpers are checked too. */
    private static final Pattern ANY_KEY = Pattern.compile("\"((?:app|action|nav|theme|search|status|date|patient|"
            + "field|validation|violation|chart|error|startup|signin|setup|lock|users|audit|settings|role|history|reference|medication|outcome|worklist|tms|schedule|payer|auth|letter|report)"
            + "\\.[a-zA-Z0-9_]+(?:\\.[a-zA-Z0-9_]+)*)\"");
    private static final Pattern FXML_KEY = Pattern.compile("\"%([a-zA-Z0-9_.]+)\"");

    private final ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE);

    private static List<String> scan(String ext, Pattern p) throws IOException {
        return scan(MAIN, ext, p);
    }

    private static List<String> scan(Path root, String ext, Pattern p) throws IOException {
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(x -> x.toString().endsWith(ext)).toList()) {
                Matcher m = p.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).endsWith(".")) {
                        keys.add(m.group(1));
                    }
                }
            }
        }
        return keys;
    }

    private void assertAllPresent(List<String> keys) {
        TreeSet<String> missing = new TreeSet<>();
        for (String k : keys) {
            if (!bundle.containsKey(k)) {
                missing.add(k);
            }
        }
        assertEquals(new TreeSet<>(), missing, "message keys used but missing from messages.properties");
    }

    @Test
    void noKeyIsDefinedTwice() throws IOException {
        // A second definition silently wins: the first one's wording is dead text that reads as if it were used.
        TreeSet<String> seen = new TreeSet<>();
        TreeSet<String> twice = new TreeSet<>();
        Pattern key = Pattern.compile("^([A-Za-z0-9_.\\-]+)=");
        for (String line : Files.readAllLines(MAIN.resolve("resources/clinic/threshold/i18n/messages.properties"))) {
            Matcher m = key.matcher(line);
            if (m.find() && !seen.add(m.group(1))) {
                twice.add(m.group(1));
            }
        }
        assertEquals(new TreeSet<>(), twice, "keys defined more than once in messages.properties");
        assertTrue(seen.size() > 1000, "the bundle was read: " + seen.size());
    }

    @Test
    void everyKeyInJavaCodeExists() throws IOException {
        List<String> keys = scan(".java", JAVA_KEY);
        keys.addAll(scan(".java", DOMAIN_KEY));
        // Screens and start-up text: every literal in a key namespace there is a key (elsewhere such strings
        // also name audit actions and settings).
        keys.addAll(scan(MAIN.resolve("java/clinic/threshold/ui"), ".java", ANY_KEY));
        keys.addAll(scan(MAIN.resolve("java/clinic/threshold/app"), ".java", ANY_KEY));
        assertTrue(keys.size() > 40, "the scan found the keys (" + keys.size() + ")");
        assertAllPresent(keys);
    }

    @Test
    void everyKeyInFxmlExists() throws IOException {
        List<String> keys = scan(".fxml", FXML_KEY);
        assertTrue(keys.size() > 40, "the scan found the keys (" + keys.size() + ")");
        assertAllPresent(keys);
    }

    @Test
    void everyKeyBuiltFromEnumsAndFieldNamesExists() throws IllegalAccessException {
        List<String> keys = new ArrayList<>();
        for (String status : List.of("OVERDUE", "DUE")) {
            keys.add("tms.flag.assessment." + status);
        }
        for (var k : clinic.threshold.domain.tms.DueAssessment.Kind.values()) {
            keys.add("tms.schedule.kind." + k.name());
        }
        for (var k : clinic.threshold.domain.tms.DueAssessment.Status.values()) {
            keys.add("tms.schedule.status." + k.name());
        }
        for (var k : clinic.threshold.domain.tms.TmsAttention.Kind.values()) {
            keys.add("worklist.tms." + k.name());
        }
        for (PatientStatus s : PatientStatus.values()) {
            keys.add("patient.status." + s.name());
        }
        for (Sex s : Sex.values()) {
            keys.add("patient.sex." + s.name());
        }
        for (PossibleDuplicate.Reason r : PossibleDuplicate.Reason.values()) {
            keys.add("patient.duplicate.reason." + r.name());
        }
        for (Field f : PatientField.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                keys.add("field." + f.get(null));
            }
        }
        assertAllPresent(keys);
    }

    @Test
    void everyHistoryEnumRuleAndBandHasItsWords() {
        List<String> keys = new ArrayList<>();
        for (Class<? extends Enum<?>> type : List.<Class<? extends Enum<?>>>of(
                clinic.threshold.domain.history.Severity.class, clinic.threshold.domain.history.TrialKind.class,
                clinic.threshold.domain.history.TrialRole.class, clinic.threshold.domain.history.Adherence.class,
                clinic.threshold.domain.history.TrialOutcome.class, clinic.threshold.domain.history.StopReason.class,
                clinic.threshold.domain.history.Modality.class, clinic.threshold.domain.history.Laterality.class,
                clinic.threshold.domain.history.DrugClass.class, clinic.threshold.domain.history.Confidence.class,
                clinic.threshold.domain.medication.DoseForm.class, clinic.threshold.domain.medication.DoseUnit.class,
                clinic.threshold.domain.medication.Frequency.class, clinic.threshold.domain.medication.Route.class,
                clinic.threshold.domain.medication.OrderRole.class, clinic.threshold.domain.medication.OrderStopReason.class,
                clinic.threshold.domain.medication.AlertLevel.class, clinic.threshold.domain.medication.RuleKind.class,
                clinic.threshold.domain.tms.SessionPhase.class, clinic.threshold.domain.tms.CourseType.class,
                clinic.threshold.domain.tms.CourseStatus.class, clinic.threshold.domain.tms.SessionStatus.class,
                clinic.threshold.domain.tms.LocationMethod.class, clinic.threshold.domain.tms.AdverseEventType.class,
                clinic.threshold.domain.tms.EventSeverity.class, clinic.threshold.domain.tms.MtMethod.class,
                clinic.threshold.domain.tms.ScreeningSeverity.class, clinic.threshold.domain.tms.ScreeningStatus.class,
                clinic.threshold.domain.tms.GapDecision.class, clinic.threshold.domain.tms.MtDueReason.class,
                clinic.threshold.domain.tms.BillingRule.class)) {
            for (Enum<?> e : type.getEnumConstants()) {
                keys.add("history.enum." + type.getSimpleName() + "." + e.name());
            }
        }
        for (clinic.threshold.domain.history.MaudsleyBand b : clinic.threshold.domain.history.MaudsleyBand.values()) {
            keys.add("history.band." + b.name());
        }
        clinic.threshold.domain.history.AssessmentRules.KEYS.forEach(k -> keys.add("reference.rule." + k));
        keys.addAll(clinic.threshold.service.medication.PatientPlanSheet.keys());
        for (clinic.threshold.domain.outcome.Change c : clinic.threshold.domain.outcome.Change.values()) {
            keys.add("outcome.changeKind." + c.name());
        }
        assertAllPresent(keys);
    }
}
