package clinic.threshold.service.medication;

import clinic.threshold.domain.medication.Course;
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
            // The course is what will happen: recorded doses dated ahead, plan steps not yet applied, and the
            // real or planned last day (a plan's steps after a stop are not in it).
            Course course = o.course(s);
            for (Course.Dose d : course.doses()) {
                LocalDate day = d.change().from();
                if (!day.isAfter(today)) {
                    continue;
                }
                String text = take(order, d.change());
                if (day.equals(course.start())) {
                    text = Messages.get("medication.sheet.start", text);
                } else {
                    String condition = condition(o, s, day);
                    text = condition == null ? text : text + " (" + condition + ")";
                }
                changes.add(new Change(day, text));
            }
            if (course.lastDay() != null && !course.lastDay().isBefore(today)) {
                changes.add(new Change(course.lastDay().plusDays(1), Messages.get("medication.sheet.stop", name(order))));
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

    /** The condition of the plan step that sets the dose on {@code day} ("if tolerated"), if any. */
    private static String condition(MedicationOverview o, SavedOrder s, LocalDate day) {
        for (SavedPlan plan : o.plansOf(s.id())) {
            for (PlanStep step : plan.plan().steps()) {
                if (!step.applied() && step.date(plan.plan().startsOn()).equals(day) && step.condition() != null) {
                    return step.condition();
                }
            }
        }
        return null;
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
