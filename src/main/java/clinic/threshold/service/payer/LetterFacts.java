package clinic.threshold.service.payer;

import clinic.threshold.domain.history.DrugClass;
import clinic.threshold.domain.history.Episode;
import clinic.threshold.domain.history.HistoryOverview;
import clinic.threshold.domain.history.TreatmentTrial;
import clinic.threshold.domain.history.TrialKind;
import clinic.threshold.domain.history.TrialVerdict;
import clinic.threshold.domain.outcome.CourseOutcome;
import clinic.threshold.domain.outcome.InstrumentSeries;
import clinic.threshold.domain.outcome.OutcomeOverview;
import clinic.threshold.domain.outcome.SavedEntry;
import clinic.threshold.domain.outcome.ScaleDefinition;
import clinic.threshold.domain.outcome.SeverityBand;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.payer.Letter;
import clinic.threshold.domain.payer.PriorAuthorization;
import clinic.threshold.domain.tms.CourseStatus;
import clinic.threshold.domain.tms.CourseView;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.domain.tms.TmsOverview;
import clinic.threshold.domain.tms.TmsReference;
import clinic.threshold.i18n.Messages;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The chart's answers to every letter placeholder, formatted for a payer: words for inline placeholders, tables and
 * the chart for block ones. A value the chart cannot give is absent from the map, so the letter lists it as missing
 * instead of printing a blank.
 */
final class LetterFacts {
    private static final int MAX_SCORE_ROWS = 12;

    /** What the chart holds for one request. */
    record Inputs(PriorAuthorization request, Patient patient, String diagnosis, String clinic, String clinicianName,
            HistoryOverview history, OutcomeOverview outcomes, TmsOverview tms, TmsReference reference, LocalDate today) {
    }

    private final Inputs in;
    private final DateTimeFormatter dates;
    private final DateTimeFormatter shortDates;
    private final Map<String, Object> values = new HashMap<>();

    private LetterFacts(Inputs in) {
        this.in = in;
        this.dates = DateTimeFormatter.ofPattern(Messages.get("letter.dateFormat"), Locale.US);
        this.shortDates = DateTimeFormatter.ofPattern(Messages.get("letter.shortDateFormat"), Locale.US);
    }

    static Map<String, Object> of(Inputs in) {
        LetterFacts f = new LetterFacts(in);
        f.common();
        f.history();
        f.scores();
        f.treatment();
        f.course();
        f.priorCourse();
        return f.values;
    }

    private void common() {
        var d = in.patient().details();
        put("date", date(in.today()));
        put("clinic", in.clinic());
        put("patient.name", d.givenName() + " " + d.familyName());
        put("patient.birthDate", date(d.birthDate()));
        put("patient.mrn", d.mrn());
        put("patient.memberId", d.memberId());
        put("payer", in.request().payer());
        put("plan", in.request().plan() == null ? "" : in.request().plan());
        put("diagnosis", in.diagnosis());
        put("clinician", in.clinicianName());
        if (in.clinicianName() != null) {
            put("signature", new Letter.Text(Messages.get("letter.signature", in.clinicianName(), in.clinic() == null ? ""
                    : in.clinic(), date(in.today()))));
        }
    }

    private void history() {
        var a = in.history().assessment();
        Episode episode = in.history().history().episodes().stream().map(e -> e.episode())
                .filter(e -> e.id().equals(a.currentEpisodeId())).findFirst().orElse(null);
        if (episode == null) {
            return;
        }
        put("episode.onset", date(episode.onset()));
        put("failedTrials", Integer.toString(a.failedAdequateTrials()));
        put("classes", Integer.toString(a.distinctFailedClasses()));
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> therapy = new ArrayList<>();
        for (var saved : in.history().history().trials()) {
            TreatmentTrial t = saved.trial();
            if (!episode.id().equals(t.episodeId())) {
                continue;
            }
            TrialVerdict v = a.verdict(t.id()).orElse(null);
            if (t.kind() == TrialKind.MEDICATION) {
                rows.add(List.of(t.agent(), drugClass(t.agent()), highestDose(t), v == null ? "" : weeks(v.weeksAtAdequateDose()),
                        span(t.start(), t.end()), Messages.label(t.outcome()), t.stopReason() == null ? "" : Messages.label(t.stopReason()),
                        v == null ? "" : Messages.get(v.failed() ? "letter.trial.failed" : v.adequate() ? "letter.trial.adequate"
                                : "letter.trial.notAdequate")));
            } else if (t.kind() == TrialKind.PSYCHOTHERAPY) {
                therapy.add(List.of(t.modality() == null ? "" : Messages.label(t.modality()), t.sessions() == null ? ""
                        : t.sessions().toString(), span(t.start(), t.end()), Messages.label(t.outcome())));
            }
        }
        if (!rows.isEmpty()) {
            put("trialTable", new Letter.Table(List.of(Messages.get("letter.col.drug"), Messages.get("letter.col.class"),
                    Messages.get("letter.col.highestDose"), Messages.get("letter.col.weeks"), Messages.get("letter.col.dates"),
                    Messages.get("letter.col.outcome"), Messages.get("letter.col.stopReason"), Messages.get("letter.col.verdict")), rows));
        }
        put("psychotherapy", therapy.isEmpty() ? Messages.get("letter.psychotherapy.none")
                : Messages.get("letter.psychotherapy.some", therapy.size(), a.failedPsychotherapyTrials()));
        put("psychotherapyTable", therapy.isEmpty() ? new Letter.Text("") : new Letter.Table(List.of(
                Messages.get("letter.col.modality"), Messages.get("letter.col.sessions"), Messages.get("letter.col.dates"),
                Messages.get("letter.col.outcome")), therapy));
    }

    private void scores() {
        List<String> latest = new ArrayList<>();
        List<SavedEntry> all = new ArrayList<>();
        for (InstrumentSeries s : in.outcomes().series()) {
            if (s.entries().isEmpty()) {
                continue;
            }
            SavedEntry last = s.entries().get(s.entries().size() - 1);
            latest.add(Messages.get("letter.score", s.scale().name(), last.total(), band(s.scale(), last.total()),
                    date(last.entry().date())));
            all.addAll(s.entries());
        }
        if (!latest.isEmpty()) {
            put("severity", String.join("; ", latest) + ".");
        }
        Map<String, ScaleDefinition> scales = new HashMap<>();
        in.outcomes().scales().forEach(d -> scales.put(d.code(), d));
        List<List<String>> rows = all.stream().sorted(Comparator.comparing((SavedEntry e) -> e.entry().date()).reversed())
                .limit(MAX_SCORE_ROWS).map(e -> {
                    ScaleDefinition d = scales.get(e.entry().scale());
                    return List.of(shortDates.format(e.entry().date()), d == null ? e.entry().scale() : d.name(), Integer.toString(e.total()),
                            d == null ? "" : band(d, e.total()));
                }).toList();
        if (!rows.isEmpty()) {
            put("scoreTable", new Letter.Table(List.of(Messages.get("letter.col.date"), Messages.get("letter.col.scale"),
                    Messages.get("letter.col.total"), Messages.get("letter.col.band")), rows));
        }
    }

    private void treatment() {
        var screening = in.tms().screening();
        if (screening.latest() != null && screening.allowsTreatment()) {
            put("screening", Messages.get("letter.screening", date(screening.latest().screenedOn()), Messages.label(screening.status())));
        }
        Optional<Protocol> protocol = in.request().protocolCode() == null ? Optional.empty()
                : in.reference().protocol(in.request().protocolCode());
        protocol.ifPresent(p -> put("protocol", p.name()));
        Integer n = in.request().requestedSessions();
        if (n != null) {
            int taper = protocol.map(p -> p.template().taperPattern().stream().mapToInt(Integer::intValue).sum()).orElse(0);
            int acute = protocol.map(p -> p.template().acuteSessions()).orElse(0);
            put("sessions", acute + taper == n && taper > 0 ? Messages.get("letter.sessions.split", n, acute, taper)
                    : Messages.get("letter.sessions", n));
        }
        List<String> codes = in.reference().billingCodes().stream().map(b -> Messages.get("letter.billingCode", b.code(),
                Messages.label(b.rule()))).toList();
        if (!codes.isEmpty()) {
            put("billingCodes", String.join("; ", codes));
        }
    }

    /** The course an extension is asked for: its start, sessions given, and its scale from baseline to now. */
    private void course() {
        Long id = in.request().courseId();
        CourseView c = id == null ? null : in.tms().courses().stream().filter(v -> v.course().id() == id).findFirst().orElse(null);
        if (c == null) {
            return;
        }
        put("course.start", date(c.course().start()));
        put("course.delivered", Integer.toString(c.progress().delivered()));
        put("extension.sessions", in.request().requestedSessions() == null ? null : in.request().requestedSessions().toString());
        put("authorization.number", c.course().authorization().number());
        courseOutcome(c).ifPresent(o -> {
            put("course.scale", o.scale().name());
            put("course.baseline", scoreOn(o.baseline()));
            if (o.latest() != null) {
                put("course.latest", scoreOn(o.latest()));
                // An extension is for a late responder: only a partial response makes the case.
                if (o.result() != null && o.result().change() == clinic.threshold.domain.outcome.Change.PARTIAL_RESPONSE) {
                    put("course.improvement", percent(o.baseline().total(), o.latest().total()));
                }
            }
            put("scoreChart", chart(o.scale(), o.baseline().entry().date()));
        });
    }

    /**
     * The last finished course before a retreatment: its dates, its end score and improvement (as readiness measures a
     * prior response: baseline to last score), and a relapse since (a later score above the remission cut-off).
     */
    private void priorCourse() {
        CourseView prior = in.tms().courses().stream().filter(v -> v.course().status() != CourseStatus.ACTIVE)
                .filter(v -> v.progress().delivered() > 0).reduce((a, b) -> b).orElse(null);
        if (prior == null || in.request().kind() != clinic.threshold.domain.payer.AuthKind.RETREATMENT) {
            return;
        }
        LocalDate end = prior.progress().lastDelivered();
        put("prior.start", date(prior.course().start()));
        put("prior.end", date(end));
        put("prior.sessions", Integer.toString(prior.progress().delivered()));
        courseOutcome(prior).ifPresent(o -> {
            put("prior.scale", o.scale().name());
            put("prior.baseline", scoreOn(o.baseline()));
            List<SavedEntry> series = entries(o.scale().code());
            if (o.latest() != null && o.result() != null && o.result().reductionPct() != null) {
                put("prior.last", scoreOn(o.latest()));
                int pct = o.result().reductionPct().setScale(0, java.math.RoundingMode.FLOOR).intValue();
                if (pct > in.reference().rules().retreatmentMinImprovementPct()) {
                    put("prior.improvement", pct + "%");
                }
            }
            series.stream().filter(e -> e.entry().date().isAfter(end)).reduce((a, b) -> b)
                    .filter(r -> !remission(o.scale(), r.total()))
                    .ifPresent(r -> put("relapse", Messages.get("letter.relapse", o.scale().name(), r.total(),
                            band(o.scale(), r.total()), date(r.entry().date()))));
            put("scoreChart", chart(o.scale(), o.baseline().entry().date()));
        });
    }

    /** The course's outcome on the scale payers read first: the protocol's assessment scale, else any with a baseline. */
    private Optional<CourseOutcome> courseOutcome(CourseView c) {
        List<CourseOutcome> all = in.outcomes().courseOutcomes().stream().filter(o -> o.course().courseId() == c.course().id()).toList();
        return all.stream().filter(o -> o.scale().code().equals(c.protocol().assessmentScale())).findFirst()
                .or(() -> all.stream().findFirst());
    }

    private Letter.Chart chart(ScaleDefinition scale, LocalDate from) {
        List<Letter.Point> points = entries(scale.code()).stream().filter(e -> !e.entry().date().isBefore(from))
                .map(e -> new Letter.Point(e.entry().date(), e.total())).toList();
        return new Letter.Chart(Messages.get("letter.chart.title", scale.name()), scale.totalMax(), scale.remissionValue(), points);
    }

    private List<SavedEntry> entries(String scale) {
        return in.outcomes().series().stream().filter(s -> s.scale().code().equals(scale)).findFirst()
                .map(InstrumentSeries::entries).orElse(List.of());
    }

    private String drugClass(String agent) {
        return in.history().formulary().find(agent, in.today()).map(f -> f.drugClass() == DrugClass.AUGMENTING && f.subclass() != null
                ? Messages.label(f.drugClass()) + " (" + f.subclass() + ")" : Messages.label(f.drugClass())).orElse("");
    }

    private static String highestDose(TreatmentTrial t) {
        return t.doses().stream().map(d -> d.mgPerDay()).max(BigDecimal::compareTo)
                .map(mg -> Messages.get("letter.dose", mg.stripTrailingZeros().toPlainString())).orElse("");
    }

    private static String weeks(double w) {
        return BigDecimal.valueOf(w).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    private String span(LocalDate from, LocalDate to) {
        return (from == null ? "?" : shortDates.format(from)) + " \u2013 " + (to == null ? Messages.get("letter.ongoing")
                : shortDates.format(to));
    }

    private static boolean remission(ScaleDefinition d, int total) {
        return d.remissionBelow() ? total < d.remissionValue() : total <= d.remissionValue();
    }

    private static String band(ScaleDefinition d, int total) {
        return d.bands().stream().filter(b -> b.contains(total)).map(SeverityBand::label).findFirst().orElse("");
    }

    private String scoreOn(SavedEntry e) {
        return Messages.get("letter.scoreOn", e.total(), date(e.entry().date()));
    }

    private static String percent(int baseline, int now) {
        if (baseline == 0) {
            return "0%";
        }
        return BigDecimal.valueOf(100L * (baseline - now)).divide(BigDecimal.valueOf(baseline), 0, RoundingMode.HALF_UP) + "%";
    }

    private String date(LocalDate d) {
        return d == null ? null : dates.format(d);
    }

    private void put(String key, Object value) {
        if (value != null) {
            values.put(key, value);
        }
    }
}
