package clinic.threshold.service.demo.synthetic;

import clinic.threshold.domain.history.DrugClass;
import clinic.threshold.domain.history.FormularyAgent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the clinic prescribes after intake: most patients an antidepressant started low and raised to the adequate
 * dose after two to four weeks (one dose change), switched for another after eight to sixteen weeks for some, an
 * augmenting agent for a few, and every order stopped at discharge.
 */
final class MedicationMaker {
    static final List<String> ORDER = List.of("id", "patient_id", "agent", "in_formulary", "strength", "dose_form", "dose_unit",
            "route", "as_needed", "start_date", "review_date", "stop_date", "prescriber", "indication", "order_role",
            "stop_reason", "adverse_effect", "note", "override_reason", "override_by", "trial_id", "voided", "void_reason",
            "created_at", "updated_at", "version");
    static final List<String> DOSE = List.of("order_id", "order_version", "change_no", "from_date", "dose", "frequency",
            "recorded_at", "recorded_by", "plan_id", "plan_step_no");
    private static final String PRESCRIBER = "demo.clinician";

    private MedicationMaker() {
    }

    /** The orders of a patient first seen on {@code intake} and discharged on {@code discharged} (null: still seen). */
    static void write(Story s, LocalDate intake, LocalDate discharged) {
        if (!s.chance(0.9)) {
            return;
        }
        LocalDate end = discharged != null ? discharged : s.today;
        LocalDate start = intake.plusDays(s.between(0, 14));
        for (int n = 0; n < 3 && start.isBefore(end); n++) {
            boolean switched = s.chance(0.35);
            LocalDate stop = switched ? start.plusWeeks(s.between(8, 16)) : null;
            if (stop != null && !stop.isBefore(end)) {
                stop = null;
                switched = false;
            }
            DrugClass c = s.weighted(HistoryMaker.CLASSES, HistoryMaker.CLASS_WEIGHTS);
            long id = order(s, c, "MONOTHERAPY", start, stop != null ? stop : discharged,
                    stop != null ? "INEFFECTIVE" : discharged != null ? "PATIENT_PREFERENCE" : null);
            if (n == 0 && s.chance(0.2)) {
                order(s, DrugClass.AUGMENTING, "AUGMENTATION", start.plusWeeks(s.between(4, 8)), stop != null ? stop : discharged,
                        stop != null || discharged != null ? "SWITCH_PLANNED" : null);
            }
            if (!switched || id == 0) {
                break;
            }
            start = stop;
        }
    }

    /** One order of an agent of {@code c}, with its dose raised once if it lasts; returns 0 when it would start after its stop. */
    private static long order(Story s, DrugClass c, String role, LocalDate start, LocalDate stop, String stopReason) {
        if (stop != null && stop.isBefore(start) || start.isAfter(s.today)) {
            return 0;
        }
        List<FormularyAgent> agents = s.ref.agents().getOrDefault(c, s.ref.agents().get(DrugClass.SSRI));
        FormularyAgent agent = s.pick(agents);
        BigDecimal adequate = agent.minAdequateMgPerDay() == null ? BigDecimal.TEN : agent.minAdequateMgPerDay();
        long id = ++s.ids.order;
        Instant at = s.during(start);
        s.w.row("medication_order", ORDER, id, s.patientId, agent.genericName(), true, null, "TABLET", "MG", "ORAL", false, start,
                start.plusWeeks(4), stop, PRESCRIBER, "Major depressive disorder", role, stop == null ? null : stopReason, null, null,
                null, null, null, false, null, s.stamp(at), s.stamp(stop == null ? at : s.during(stop)), 1);
        s.w.row("medication_dose", DOSE, id, 1, 1, start, HistoryMaker.half(adequate), "ONCE_DAILY", s.stamp(at), PRESCRIBER, null,
                null);
        s.audit(at, AuditTrail.Kind.ORDER_CREATE, id);
        LocalDate raised = start.plusWeeks(s.between(2, 4));
        if ((stop == null || raised.isBefore(stop)) && !raised.isAfter(s.today)) {
            Instant when = s.during(raised);
            s.w.row("medication_dose", DOSE, id, 1, 2, raised, adequate, "ONCE_DAILY", s.stamp(when), PRESCRIBER, null, null);
            s.audit(when, AuditTrail.Kind.ORDER_UPDATE, id);
        }
        return id;
    }
}
