package clinic.threshold.service.demo.synthetic;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * PHQ-9 trajectories: a baseline before the first session (mostly moderately severe to severe), then weekly scores
 * on session days and one at the last session, falling by at least half for a little over half of the patients
 * (most of them into remission) and by less for the others; for some, monthly follow-up scores for a year after.
 * Item 9 above 0 raises a suicide-risk alert, which a clinician reviews within hours.
 */
final class ScoreMaker {
    static final List<String> ENTRY = List.of("id", "patient_id", "scale_code", "rated_on", "total", "total_only", "rated_by",
            "entered_by", "entered_at", "voided", "version");
    static final List<String> ITEM = List.of("entry_id", "item_no", "item_value");
    static final List<String> ALERT = List.of("id", "patient_id", "entry_id", "items", "raised_at", "reviewed_at", "reviewed_by",
            "review_note", "version");
    private static final int ITEMS = 9;
    private static final int MAX_ITEM = 3;

    private ScoreMaker() {
    }

    /** The scores of one course: baseline, weekly, last session; then follow-ups for some. */
    static void write(Story s, CourseMaker.Course c) {
        if (c.given().isEmpty()) {
            return;
        }
        double baseline = Math.max(10, Math.min(27, 18.5 + s.rnd.nextGaussian() * 3.5));
        boolean responder = s.chance(0.55);
        double end = responder ? baseline * (s.chance(0.6) ? 0.05 + s.rnd.nextDouble() * 0.15 : 0.25 + s.rnd.nextDouble() * 0.24)
                : baseline * (0.6 + s.rnd.nextDouble() * 0.4);
        LocalDate first = c.given().get(0);
        entry(s, first.minusDays(s.between(1, 10)), baseline, 0.12);
        LocalDate last = c.given().get(c.given().size() - 1);
        LocalDate nextWeekly = first.plusDays(7);
        for (LocalDate d : c.given()) {
            boolean weekly = !d.isBefore(nextWeekly) && d.isBefore(last);
            if (weekly || d.equals(last)) {
                double t = (double) java.time.temporal.ChronoUnit.DAYS.between(first, d)
                        / Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(first, last));
                entry(s, d, baseline - (baseline - end) * Math.pow(t, 0.8) + s.rnd.nextGaussian() * 1.5, 0.04);
                nextWeekly = d.plusDays(7);
                if (d.equals(last)) {
                    break;
                }
            }
        }
        if (c.ended() && s.chance(0.45)) {
            double score = end;
            for (int m = 1; m <= 14; m++) {
                LocalDate d = last.plusMonths(m).plusDays(s.between(-5, 5));
                if (!d.isBefore(s.today)) {
                    break;
                }
                score = Math.max(0, Math.min(27, score + s.rnd.nextGaussian() * 2 + (responder ? 0.15 : -0.1)));
                entry(s, d, score, 0.03);
            }
        }
    }

    /** One PHQ-9 with items summing to {@code total} (item 9 above 0 with probability {@code risk}). */
    private static void entry(Story s, LocalDate on, double score, double risk) {
        int rounded = (int) Math.round(Math.max(0, score));
        boolean item9 = rounded > 4 && s.chance(risk);
        // Items 1-8 hold up to 24 between them; item 9 is 0 or 1 here.
        int total = Math.min(rounded, (ITEMS - 1) * MAX_ITEM + (item9 ? 1 : 0));
        int[] items = new int[ITEMS];
        int left = total;
        if (item9) {
            items[ITEMS - 1] = 1;
            left--;
        }
        while (left > 0) {
            int i = s.rnd.nextInt(ITEMS - 1); // item 9 only as decided above
            if (items[i] < MAX_ITEM) {
                items[i]++;
                left--;
            }
        }
        long id = ++s.ids.entry;
        Instant at = s.during(on);
        s.w.row("scale_entry", ENTRY, id, s.patientId, "PHQ9", on, total, false, "patient", "demo.technician", s.stamp(at), false, 1);
        for (int i = 0; i < ITEMS; i++) {
            s.w.row("scale_entry_item", ITEM, id, i + 1, items[i]);
        }
        s.audit(at, AuditTrail.Kind.SCALE, id);
        if (item9) {
            long alert = ++s.ids.alert;
            Instant reviewed = at.plus(Duration.ofMinutes(s.between(20, 30 * 60)));
            boolean open = !reviewed.isBefore(s.at(s.today, LocalTime.MIDNIGHT));
            s.w.row("safety_alert", ALERT, alert, s.patientId, id, "9", s.stamp(at), open ? null : s.stamp(reviewed),
                    open ? null : "demo.clinician", open ? null : "Risk assessed (C-SSRS): low; safety plan reviewed", open ? 1 : 2);
            s.audit(at, AuditTrail.Kind.RISK_RAISED, alert);
            if (!open) {
                s.audit(reviewed, AuditTrail.Kind.RISK_REVIEW, alert);
            }
        }
    }
}
