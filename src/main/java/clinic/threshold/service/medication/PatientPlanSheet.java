package clinic.threshold.service.medication;

import clinic.threshold.domain.medication.DoseChange;
import clinic.threshold.domain.medication.DoseUnit;
import clinic.threshold.domain.medication.Frequency;
import clinic.threshold.domain.medication.MedicationOrder;
import clinic.threshold.domain.medication.MedicationOverview;
import clinic.threshold.domain.medication.PlanStep;
import clinic.threshold.domain.medication.SavedOrder;
import clinic.threshold.domain.medication.SavedPlan;
import clinic.threshold.domain.patient.PatientDetails;
import clinic.threshold.i18n.Messages;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The printable medication plan in words a patient reads: what to take now, and what changes on which
 * date (plan steps not yet applied, orders that start later). Built from the medication record alone; the
 * clinical note and alerts stay out.
 */
public record PatientPlanSheet(String title, String patientLine, String printedLine, List<String> now,
                               List<String> changes, String footer) {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    static PatientPlanSheet of(PatientDetails p, MedicationOverview o, LocalDate today) {
        List<String> now = new ArrayList<>();
        for (SavedOrder s : o.current()) {
            DoseChange d = s.order().doseOn(today);
            if (d != null) {
                now.add(take(s.order(), d));
            }
        }
        record Change(LocalDate day, String text) {
        }
        List<Change> changes = new ArrayList<>();
        for (SavedOrder s : o.orders()) {
            MedicationOrder order = s.order();
            if (order.start().isAfter(today)) {
                changes.add(new Change(order.start(), Messages.get("medication.sheet.start", take(order, order.doses().get(0)))));
            }
            for (SavedPlan plan : o.plansOf(s.id())) {
                for (PlanStep step : plan.plan().steps()) {
                    LocalDate day = step.date(plan.plan().startsOn());
                    if (step.applied() || day.isBefore(today)) {
                        continue;
                    }
                    String text = step.stops() ? Messages.get("medication.sheet.stop", name(order))
                            : take(order, new DoseChange(day, step.dose(), step.frequency()));
                    if (step.condition() != null && !step.stops()) {
                        text = text + " (" + step.condition() + ")";
                    }
                    changes.add(new Change(day, text));
                }
            }
            if (order.stop() != null && order.stop().isAfter(today.minusDays(1)) && o.plansOf(s.id()).isEmpty()) {
                changes.add(new Change(order.stop().plusDays(1), Messages.get("medication.sheet.stop", name(order))));
            }
        }
        changes.sort(Comparator.comparing(Change::day));
        String birth = p.birthDate() == null ? "" : Messages.get("medication.sheet.born", DAY.format(p.birthDate()));
        return new PatientPlanSheet(Messages.get("medication.sheet.title"),
                p.givenName() + " " + p.familyName() + birth + ", " + p.mrn(),
                Messages.get("medication.sheet.printed", DAY.format(today)), now,
                changes.stream().map(c -> Messages.get("medication.sheet.from", DAY.format(c.day()), c.text())).toList(),
                Messages.get("medication.sheet.footer"));
    }

    /** "Sertraline 100 mg, once a day" in the patient's words. */
    static String take(MedicationOrder o, DoseChange d) {
        String dose = d.dose().stripTrailingZeros().toPlainString();
        if (d.dose().stripTrailingZeros().scale() < 0) {
            dose = d.dose().setScale(0).toPlainString();
        }
        String unit = Messages.get("medication.sheet.unit." + o.unit().name());
        String how = Messages.get("medication.sheet.frequency." + d.frequency().name());
        String prn = o.asNeeded() ? " " + Messages.get("medication.sheet.asNeeded") : "";
        return Messages.get("medication.sheet.take", name(o), dose, unit, how) + prn;
    }

    private static String name(MedicationOrder o) {
        String n = o.agent();
        return n.isEmpty() ? n : Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    /** Keys the sheet needs for every unit and frequency (for the message-key test). */
    public static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (DoseUnit u : DoseUnit.values()) {
            keys.add("medication.sheet.unit." + u.name());
        }
        for (Frequency f : Frequency.values()) {
            keys.add("medication.sheet.frequency." + f.name());
        }
        return keys;
    }
}
