package clinic.threshold.ui.tms;

import clinic.threshold.domain.tms.AuthorizationStanding;
import clinic.threshold.domain.tms.Course;
import clinic.threshold.domain.tms.CourseView;
import clinic.threshold.domain.tms.CourseWarning;
import clinic.threshold.domain.tms.MotorThreshold;
import clinic.threshold.domain.tms.MtDueReason;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.domain.tms.ScreeningState;
import clinic.threshold.domain.tms.ScreeningStatus;
import clinic.threshold.domain.tms.TmsOverview;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.Formats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/** The TMS tab's summary grid and its flags: what a clinician reads at a glance. */
final class TmsSummary {
    private TmsSummary() {
    }

    /** A flag: its text and its style (danger, warning, accent). */
    record Flag(String text, String style) {
    }

    static List<Flag> flags(TmsOverview o, CourseView c) {
        List<Flag> out = new ArrayList<>();
        screening(o.screening(), out);
        for (Map.Entry<String, Set<String>> e : o.seizureDrugs().entrySet()) {
            out.add(new Flag(Messages.get("tms.flag.seizureDrug", e.getKey(), e.getValue().contains("SEIZURE_STRONG")
                    ? Messages.get("medication.flag.strong") : Messages.get("medication.flag.relative")), "accent"));
        }
        if (c == null) {
            return out;
        }
        if (c.progress().decisionNeeded()) {
            out.add(new Flag(Messages.get("tms.flag.decision", c.progress().gapDays()), "danger"));
        }
        if (c.progress().missAlert()) {
            out.add(new Flag(Messages.get("tms.flag.misses", c.progress().consecutiveMisses()), "danger"));
        }
        if (!c.mtDue().isEmpty()) {
            out.add(new Flag(Messages.get("tms.flag.mtDue", c.mtDue().stream().map(Messages::label)
                    .collect(Collectors.joining(", "))), c.mtDue().equals(List.of(MtDueReason.WEEKLY)) ? "accent" : "warning"));
        }
        clinic.threshold.domain.tms.AssessmentSchedule.pending(c.assessments()).ifPresent(d -> out.add(new Flag(
                Messages.get("tms.flag.assessment." + d.status().name(), o.scale(), Formats.date(d.due())),
                d.status() == clinic.threshold.domain.tms.DueAssessment.Status.OVERDUE ? "warning" : "accent")));
        for (CourseWarning w : c.warnings()) {
            out.add(new Flag(Messages.get(w.messageKey(), w.args().toArray()), "warning"));
        }
        if (c.course().terms().offLabel()) {
            out.add(new Flag(Messages.get("tms.flag.offLabel"), "accent"));
        }
        return out;
    }

    private static void screening(ScreeningState s, List<Flag> out) {
        if (s.latest() == null) {
            out.add(new Flag(Messages.get("tms.flag.noScreening"), "danger"));
            return;
        }
        if (s.status() == ScreeningStatus.BLOCKED) {
            out.add(new Flag(Messages.get("tms.flag.blocked", Formats.date(s.latest().screenedOn())), "danger"));
        } else if (s.status() == ScreeningStatus.NEEDS_CLEARANCE) {
            out.add(new Flag(Messages.get("tms.flag.needsClearance", Formats.date(s.latest().screenedOn())), "warning"));
        }
        if (!s.rescreenFor().isEmpty()) {
            out.add(new Flag(Messages.get("tms.flag.rescreen", String.join(", ", s.rescreenFor())), "warning"));
        }
    }

    /** Fills the grid: one label and value a row. */
    static void fill(GridPane grid, TmsOverview o, CourseView c) {
        grid.getChildren().clear();
        List<String[]> cells = new ArrayList<>();
        cells.add(cell("tms.summary.screening", screeningText(o.screening())));
        if (c != null) {
            Course course = c.course();
            Protocol p = c.protocol();
            cells.add(cell("tms.summary.protocol", p.name() + " (" + p.code() + ")"));
            cells.add(cell("tms.summary.course", Messages.get("tms.summary.courseValue", Messages.label(course.type()),
                    Formats.date(course.start()), Messages.label(course.status()))));
            cells.add(cell("tms.summary.phase", Messages.label(c.shownPhase())));
            cells.add(cell("tms.summary.sessions", Messages.get("tms.summary.sessionsValue", c.progress().delivered(),
                    course.plannedSessions())));
            cells.add(cell("tms.summary.next", c.progress().next() == null ? Messages.get("tms.summary.none")
                    : Messages.get("tms.summary.nextValue", c.progress().next().number(), Formats.date(c.progress().next().date()))));
            cells.add(cell("tms.summary.end", c.progress().authorization().projectedEnd() == null ? "\u2014"
                    : Formats.date(c.progress().authorization().projectedEnd())));
            cells.add(cell("tms.summary.pulses", Messages.get("tms.summary.pulsesValue", c.progress().pulsesDelivered())));
            cells.add(cell("tms.summary.mt", mtText(o, course)));
            cells.add(cell("tms.summary.authorization", authText(course, c.progress().authorization())));
        }
        if (grid.getColumnConstraints().isEmpty()) {
            javafx.scene.layout.ColumnConstraints keys = new javafx.scene.layout.ColumnConstraints();
            keys.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            javafx.scene.layout.ColumnConstraints values = new javafx.scene.layout.ColumnConstraints();
            values.setHgrow(javafx.scene.layout.Priority.ALWAYS);
            values.setMinWidth(80);
            grid.getColumnConstraints().addAll(keys, values);
        }
        for (int i = 0; i < cells.size(); i++) {
            Label key = new Label(cells.get(i)[0]);
            key.getStyleClass().add("text-muted");
            key.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label value = new Label(cells.get(i)[1]);
            value.setId("tms-summary-" + i);
            value.setWrapText(true);
            value.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            grid.addRow(i, key, value);
        }
    }

    private static String[] cell(String key, String value) {
        return new String[] {Messages.get(key), value};
    }

    static String screeningText(ScreeningState s) {
        if (s.latest() == null) {
            return Messages.get("tms.screening.none");
        }
        return Messages.get("tms.screening.value", Messages.label(s.status()), Formats.date(s.latest().screenedOn()),
                s.latest().screenedBy());
    }

    private static String mtText(TmsOverview o, Course course) {
        if (o.motorThresholds().isEmpty()) {
            return Messages.get("tms.summary.none");
        }
        MotorThreshold mt = o.motorThresholds().get(o.motorThresholds().size() - 1);
        return Messages.get("tms.summary.mtValue", mt.outputPct(), Messages.label(mt.method()), Formats.date(mt.measuredOn()),
                course.pctMt(), clinic.threshold.domain.tms.Protocol.outputPct(mt.outputPct(), course.pctMt()));
    }

    private static String authText(Course course, AuthorizationStanding a) {
        var auth = course.authorization();
        if (auth.isEmpty()) {
            return Messages.get("tms.summary.noAuthorization");
        }
        String units = auth.units() == null ? Messages.get("tms.summary.unitsUnknown", a.unitsUsed())
                : Messages.get("tms.summary.units", a.unitsUsed(), auth.units(), a.unitsLeft());
        String window = auth.first() == null && auth.last() == null ? ""
                : " \u00b7 " + Formats.date(auth.first()) + " \u2013 " + Formats.date(auth.last());
        return Formats.orDash(auth.payer()) + " " + Formats.orDash(auth.number()) + " \u00b7 " + units + window;
    }
}
