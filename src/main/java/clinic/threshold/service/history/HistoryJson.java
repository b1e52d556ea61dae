package clinic.threshold.service.history;

import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.history.Adherence;
import clinic.threshold.domain.history.DoseStep;
import clinic.threshold.domain.history.Episode;
import clinic.threshold.domain.history.Formulary;
import clinic.threshold.domain.history.HistoryDocument;
import clinic.threshold.domain.history.HistoryValidator;
import clinic.threshold.domain.history.Laterality;
import clinic.threshold.domain.history.Modality;
import clinic.threshold.domain.history.Severity;
import clinic.threshold.domain.history.StopReason;
import clinic.threshold.domain.history.TreatmentHistory;
import clinic.threshold.domain.history.TreatmentTrial;
import clinic.threshold.domain.history.TrialKind;
import clinic.threshold.domain.history.TrialOutcome;
import clinic.threshold.domain.history.TrialRole;
import clinic.threshold.domain.patient.Sex;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the {@code threshold-history/1} interchange format ({@code docs/formats/history.md}).
 * Reading is strict and complete: every problem in the document, structural or clinical, is reported with
 * its JSON path before anything is used.
 */
public final class HistoryJson {
    public static final String FORMAT = "threshold-history/1";
    /** The longest episode note the store takes (V012, as the episode form enforces). */
    static final int EPISODE_NOTE_MAX = 2000;
    // Plain decimals: 10 weeks is written 10, not 1E+1.
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    // The format's field names (docs/formats/history.md): anything else is a typing error, not something to drop.
    private static final List<String> ROOT_FIELDS = List.of("format", "patient", "episodes", "trials", "assessments");
    private static final List<String> PATIENT_FIELDS = List.of("mrn", "givenName", "familyName", "birthDate", "sex");
    private static final List<String> EPISODE_FIELDS = List.of("id", "onset", "end", "severity", "note");
    private static final List<String> TRIAL_FIELDS = List.of("id", "episode", "kind", "agent", "role", "augments",
            "start", "end", "doses", "adherence", "outcome", "stopReason", "modality", "sessions", "laterality",
            "protocol", "note");
    private static final List<String> DOSE_FIELDS = List.of("from", "mgPerDay");
    private static final List<String> SCALE_FIELDS = List.of("instrument", "date", "total", "items", "ratedBy",
            "safetyValue");

    private HistoryJson() {
    }

    /** Parses and validates {@code json} against {@code formulary}; throws with every problem found. */
    public static HistoryDocument read(String json, Formulary formulary) {
        HistoryDocument doc = parse(json);
        List<Violation> problems = new HistoryValidator(formulary).validate(doc.history());
        if (!problems.isEmpty()) {
            throw new HistoryFormatException(problems);
        }
        return doc;
    }

    /**
     * Reads the document's structure only (names, types, tokens, dates), throwing with every structural problem;
     * the clinical rules are left to the caller, so that an import can report them along with its own.
     */
    static HistoryDocument parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new HistoryFormatException(List.of(Violation.of("$", "history.error.malformedJson",
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), e.getOriginalMessage())));
        }
        if (root == null || !root.isObject()) {
            throw new HistoryFormatException(List.of(Violation.of("$", "history.error.notObject")));
        }
        JsonFields f = new JsonFields();
        f.onlyKnown(root, "", ROOT_FIELDS);
        String format = f.text(root, "format", "format", true);
        if (format != null && !FORMAT.equals(format)) {
            f.problem("format", "history.error.format", format, FORMAT);
        }
        HistoryDocument.PatientRef patient = patient(f, f.object(root, "patient", "patient", true));
        List<Episode> episodes = new ArrayList<>();
        java.util.Map<String, String> notes = new java.util.HashMap<>();
        List<JsonNode> eps = f.array(root, "episodes", "episodes", false);
        for (int i = 0; i < eps.size(); i++) {
            String p = "episodes[" + i + "]";
            if (objectAt(f, eps.get(i), p)) {
                JsonNode e = eps.get(i);
                f.onlyKnown(e, p, EPISODE_FIELDS);
                Episode episode = new Episode(f.text(e, "id", p + ".id", true), f.date(e, "onset", p + ".onset", true),
                        f.date(e, "end", p + ".end", false), f.token(e, "severity", p + ".severity", true, Severity.class));
                episodes.add(episode);
                String note = f.text(e, "note", p + ".note", false);
                if (note != null && episode.id() != null) {
                    if (note.length() > EPISODE_NOTE_MAX) {
                        f.problem(p + ".note", "history.error.tooLong", EPISODE_NOTE_MAX);
                    }
                    notes.put(episode.id(), note);
                }
            }
        }
        List<TreatmentTrial> trials = new ArrayList<>();
        List<JsonNode> ts = f.array(root, "trials", "trials", false);
        for (int i = 0; i < ts.size(); i++) {
            String p = "trials[" + i + "]";
            if (objectAt(f, ts.get(i), p)) {
                trials.add(trial(f, ts.get(i), p));
            }
        }
        List<HistoryDocument.ScaleResult> assessments = new ArrayList<>();
        List<JsonNode> as = f.array(root, "assessments", "assessments", false);
        for (int i = 0; i < as.size(); i++) {
            String p = "assessments[" + i + "]";
            if (objectAt(f, as.get(i), p)) {
                assessments.add(scale(f, as.get(i), p));
            }
        }
        // Clinical rules only once the structure is sound, so that paths still point at real values.
        if (!f.problems().isEmpty()) {
            throw new HistoryFormatException(f.problems());
        }
        return new HistoryDocument(patient, new TreatmentHistory(episodes, trials), assessments, notes);
    }

    private static boolean objectAt(JsonFields f, JsonNode n, String path) {
        if (!n.isObject()) {
            f.problem(path, "history.error.notObject");
            return false;
        }
        return true;
    }

    private static HistoryDocument.PatientRef patient(JsonFields f, JsonNode p) {
        if (p == null) {
            return null;
        }
        f.onlyKnown(p, "patient", PATIENT_FIELDS);
        return new HistoryDocument.PatientRef(f.text(p, "mrn", "patient.mrn", true),
                f.text(p, "givenName", "patient.givenName", false), f.text(p, "familyName", "patient.familyName", false),
                f.date(p, "birthDate", "patient.birthDate", false), f.token(p, "sex", "patient.sex", false, Sex.class));
    }

    private static TreatmentTrial trial(JsonFields f, JsonNode t, String p) {
        f.onlyKnown(t, p, TRIAL_FIELDS);
        List<DoseStep> doses = new ArrayList<>();
        List<JsonNode> ds = f.array(t, "doses", p + ".doses", false);
        for (int j = 0; j < ds.size(); j++) {
            String dp = p + ".doses[" + j + "]";
            if (objectAt(f, ds.get(j), dp)) {
                f.onlyKnown(ds.get(j), dp, DOSE_FIELDS);
                doses.add(new DoseStep(f.date(ds.get(j), "from", dp + ".from", true),
                        f.decimal(ds.get(j), "mgPerDay", dp + ".mgPerDay", true)));
            }
        }
        return new TreatmentTrial(f.text(t, "id", p + ".id", true), f.text(t, "episode", p + ".episode", true),
                f.token(t, "kind", p + ".kind", true, TrialKind.class), f.text(t, "agent", p + ".agent", false),
                f.token(t, "role", p + ".role", false, TrialRole.class), f.text(t, "augments", p + ".augments", false),
                f.date(t, "start", p + ".start", true), f.date(t, "end", p + ".end", false), doses,
                f.token(t, "adherence", p + ".adherence", false, Adherence.class),
                f.token(t, "outcome", p + ".outcome", false, TrialOutcome.class),
                f.token(t, "stopReason", p + ".stopReason", false, StopReason.class),
                f.token(t, "modality", p + ".modality", false, Modality.class),
                f.integer(t, "sessions", p + ".sessions", false),
                f.token(t, "laterality", p + ".laterality", false, Laterality.class),
                f.text(t, "protocol", p + ".protocol", false), f.text(t, "note", p + ".note", false));
    }

    private static HistoryDocument.ScaleResult scale(JsonFields f, JsonNode a, String p) {
        f.onlyKnown(a, p, SCALE_FIELDS);
        List<Integer> items = new ArrayList<>();
        List<JsonNode> is = f.array(a, "items", p + ".items", false);
        for (int j = 0; j < is.size(); j++) {
            JsonNode n = is.get(j);
            if (n.isIntegralNumber() && n.canConvertToInt()) {
                items.add(n.intValue());
            } else {
                f.problem(p + ".items[" + j + "]", "history.error.notWholeNumber", n.asText());
            }
        }
        return new HistoryDocument.ScaleResult(f.text(a, "instrument", p + ".instrument", true),
                f.date(a, "date", p + ".date", true), f.decimal(a, "total", p + ".total", false), items,
                f.text(a, "ratedBy", p + ".ratedBy", false), f.integer(a, "safetyValue", p + ".safetyValue", false));
    }

    /** Writes a document in the interchange format; reading it back gives an equal document. */
    public static String write(HistoryDocument doc) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode p = root.putObject("patient");
        HistoryDocument.PatientRef ref = doc.patient();
        p.put("mrn", ref.mrn());
        p.put("givenName", ref.givenName());
        p.put("familyName", ref.familyName());
        p.put("birthDate", ref.birthDate() == null ? null : ref.birthDate().toString());
        p.put("sex", Tokens.of(ref.sex()));
        ArrayNode eps = root.putArray("episodes");
        for (Episode e : doc.history().episodes()) {
            ObjectNode n = eps.addObject();
            n.put("id", e.id());
            n.put("onset", e.onset().toString());
            n.put("end", e.end() == null ? null : e.end().toString());
            n.put("severity", Tokens.of(e.severity()));
            putIf(n, "note", doc.episodeNotes().get(e.id()));
        }
        ArrayNode trials = root.putArray("trials");
        for (TreatmentTrial t : doc.history().trials()) {
            writeTrial(trials.addObject(), t);
        }
        ArrayNode scales = root.putArray("assessments");
        for (HistoryDocument.ScaleResult s : doc.assessments()) {
            ObjectNode n = scales.addObject();
            n.put("instrument", s.instrument());
            n.put("date", s.date().toString());
            n.put("total", s.total());
            ArrayNode items = n.putArray("items");
            s.items().forEach(items::add);
            putIf(n, "ratedBy", s.ratedBy());
            if (s.safetyValue() != null) {
                n.put("safetyValue", s.safetyValue());
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    private static void writeTrial(ObjectNode n, TreatmentTrial t) {
        n.put("id", t.id());
        n.put("episode", t.episodeId());
        n.put("kind", Tokens.of(t.kind()));
        putIf(n, "agent", t.agent());
        putIf(n, "role", Tokens.of(t.role()));
        putIf(n, "augments", t.augments());
        n.put("start", t.start().toString());
        n.put("end", t.end() == null ? null : t.end().toString());
        if (t.kind() == TrialKind.MEDICATION || !t.doses().isEmpty()) {
            ArrayNode doses = n.putArray("doses");
            for (DoseStep d : t.doses()) {
                doses.addObject().put("from", d.from().toString()).put("mgPerDay", d.mgPerDay());
            }
            n.put("adherence", Tokens.of(t.adherence()));
        }
        n.put("outcome", Tokens.of(t.outcome()));
        putIf(n, "stopReason", Tokens.of(t.stopReason()));
        putIf(n, "modality", Tokens.of(t.modality()));
        if (t.sessions() != null) {
            n.put("sessions", t.sessions());
        }
        putIf(n, "laterality", Tokens.of(t.laterality()));
        putIf(n, "protocol", t.protocol());
        putIf(n, "note", t.note());
    }

    private static void putIf(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }
}
