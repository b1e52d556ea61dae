package clinic.threshold.ui.medication;

import clinic.threshold.domain.history.Confidence;
import clinic.threshold.domain.medication.AlertLevel;
import clinic.threshold.domain.medication.DoseChange;
import clinic.threshold.domain.medication.MedicationOrder;
import clinic.threshold.domain.medication.SafetyAlert;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.Formats;
import java.math.BigDecimal;
import java.time.LocalDate;

/** How orders, doses and alerts read on the Medications tab. */
final class MedicationText {
    private MedicationText() {
    }

    static String number(BigDecimal d) {
        if (d == null) {
            return "";
        }
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    /** "100 mg, once daily" for the dose in force on {@code day} (or the last one recorded). */
    static String dose(MedicationOrder o, LocalDate day) {
        DoseChange d = o.doseOn(day);
        if (d == null && !o.doses().isEmpty()) {
            d = day.isBefore(o.start()) ? o.doses().get(0) : o.doses().get(o.doses().size() - 1);
        }
        if (d == null) {
            return "";
        }
        return number(d.dose()) + " " + Messages.label(o.unit()) + ", " + Messages.label(d.frequency())
                + (o.asNeeded() ? " " + Messages.get("medication.asNeeded") : "");
    }

    static String status(MedicationOrder o, LocalDate today) {
        if (o.activeOn(today)) {
            return Messages.get("medication.status.current");
        }
        return o.start().isAfter(today) ? Messages.get("medication.status.planned") : Messages.get("medication.status.stopped");
    }

    static String dates(MedicationOrder o) {
        return Formats.date(o.start()) + " \u2013 " + (o.stop() == null ? "" : Formats.date(o.stop()));
    }

    /** "Hard stop: An MAOI with an SSRI ... (12 Jan - 20 Jan; source; unconfirmed)". */
    static String alert(SafetyAlert a) {
        StringBuilder b = new StringBuilder(Messages.label(a.level())).append(": ").append(a.message());
        if (a.otherDrug() != null) {
            b.append(" \u2014 ").append(a.drug()).append(" / ").append(a.otherDrug());
        }
        if (a.from() != null && a.kind() != clinic.threshold.domain.medication.RuleKind.NOTICE) {
            b.append(" (").append(Formats.date(a.from()));
            if (a.to() != null && !a.to().equals(a.from())) {
                b.append(" \u2013 ").append(Formats.date(a.to()));
            }
            boolean washout = a.kind() == clinic.threshold.domain.medication.RuleKind.WASHOUT;
            if (washout && (a.actual() == null || a.actual().signum() <= 0)) {
                b.append("; ").append(Messages.get("medication.alert.together", number(a.limit())));
            } else if (a.actual() != null) {
                b.append("; ").append(Messages.get(washout ? "medication.alert.days" : "medication.alert.mg",
                        number(a.actual()), number(a.limit())));
            }
            b.append(')');
        }
        if (a.confidence() == Confidence.UNCONFIRMED) {
            b.append(' ').append(Messages.get("medication.alert.unconfirmed"));
        }
        return b.toString();
    }

    static String source(SafetyAlert a) {
        return Messages.get("medication.alert.source", a.source(), Messages.label(a.confidence()));
    }

    static String styleOf(AlertLevel level) {
        return switch (level) {
            case HARD_STOP -> "danger";
            case WARNING -> "warning";
            case NOTICE -> "text-muted";
        };
    }
}
