package clinic.threshold.ui.patients;

import clinic.threshold.domain.tms.CourseView;
import clinic.threshold.domain.tms.TmsOverview;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.Formats;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The chart header's TMS line: the active course at a glance and what in it waits for someone. */
final class TmsHeader {
    private TmsHeader() {
    }

    static String text(TmsOverview t) {
        CourseView c = t.active();
        if (c == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        var p = c.progress();
        parts.add(Messages.get("chart.tms.course", c.protocol().name(), p.delivered(), c.course().plannedSessions(),
                Messages.label(c.shownPhase())));
        if (p.next() != null) {
            parts.add(Messages.get("chart.tms.next", Formats.date(p.next().date())));
        }
        if (p.decisionNeeded()) {
            parts.add(Messages.get("tms.flag.decision", p.gapDays()));
        } else if (p.missAlert()) {
            parts.add(Messages.get("tms.flag.misses", p.consecutiveMisses()));
        }
        if (!t.screening().allowsTreatment()) {
            parts.add(Messages.get("chart.tms.screening"));
        }
        clinic.threshold.domain.tms.AssessmentSchedule.pending(c.assessments()).ifPresent(d -> parts.add(
                Messages.get("tms.flag.assessment." + d.status().name(), t.scale(), Formats.date(d.due()))));
        if (!c.mtDue().isEmpty()) {
            parts.add(Messages.get("tms.flag.mtDue", c.mtDue().stream().map(Messages::label)
                    .collect(Collectors.joining(", "))));
        }
        return String.join("  \u00b7  ", parts);
    }

    static boolean urgent(TmsOverview t) {
        CourseView c = t.active();
        return c != null && (c.progress().decisionNeeded() || c.progress().missAlert() || !t.screening().allowsTreatment());
    }
}
