package clinic.threshold.domain.medication;

import clinic.threshold.domain.history.DrugClass;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks one course (a new or changed order with its plan) against the patient's other courses with the
 * rules in force: interactions on overlapping days, washouts between a stop (real or planned) and a start,
 * dose limits on every recorded and planned dose, duplicate classes, and notices. Every number comes from
 * the rules (V014); nothing clinical is written here.
 */
public final class SafetyChecker {
    private final DrugCatalog catalog;
    private final List<MedicationRule> rules;
    private final LocalDate asOf;

    public SafetyChecker(DrugCatalog catalog, List<MedicationRule> rulesInForce, LocalDate asOf) {
        this.catalog = catalog;
        this.rules = List.copyOf(rulesInForce);
        this.asOf = asOf;
    }

    /** Alerts for {@code course}, hard stops first; of several washouts for one pair only the strictest. */
    public List<SafetyAlert> check(Course course, List<Course> others) {
        List<SafetyAlert> out = new ArrayList<>();
        for (MedicationRule r : rules) {
            switch (r.kind()) {
                case INTERACTION -> others.forEach(o -> interaction(r, course, o, out));
                case WASHOUT -> others.forEach(o -> {
                    washout(r, o, course, out);
                    washout(r, course, o, out);
                });
                case DUPLICATE_CLASS -> others.forEach(o -> duplicate(r, course, o, out));
                case MAX_DAILY_DOSE, MAX_SINGLE_DOSE -> dose(r, course, out);
                case NOTICE -> {
                    if (is(course, r.subject())) {
                        out.add(alert(r, course.agent(), null, course.start(), course.lastDay(), null));
                    }
                }
                case MT_PROMPT -> {
                    // raised when a dose actually changes (see mtPrompts), not when an order is checked
                }
            }
        }
        out.sort(Comparator.comparing(SafetyAlert::level).thenComparing(SafetyAlert::ruleCode));
        return strictestWashouts(out);
    }

    /** The MT-prompt rules a dose change of {@code agent} fires. */
    public List<MedicationRule> mtPrompts(String agent) {
        return rules.stream().filter(r -> r.kind() == RuleKind.MT_PROMPT && catalog.matches(agent, r.subject(), asOf))
                .toList();
    }

    private void interaction(MedicationRule r, Course a, Course b, List<SafetyAlert> out) {
        boolean pair = (is(a, r.subject()) && is(b, r.other())) || (is(a, r.other()) && is(b, r.subject()));
        if (!pair) {
            return;
        }
        LocalDate[] days = a.overlap(b);
        if (days != null) {
            out.add(alert(r, a.agent(), b.agent(), days[0], days[1], null));
        }
    }

    /** {@code first} stops, then {@code then} starts: enough days between them? */
    private void washout(MedicationRule r, Course first, Course then, List<SafetyAlert> out) {
        if (first.lastDay() == null || !first.lastDay().isBefore(then.start())
                || !is(first, r.subject()) || !is(then, r.other())) {
            return;
        }
        long gap = ChronoUnit.DAYS.between(first.lastDay(), then.start());
        if (BigDecimal.valueOf(gap).compareTo(r.limit()) < 0) {
            out.add(alert(r, first.agent(), then.agent(), first.lastDay(), then.start(), BigDecimal.valueOf(gap)));
        }
    }

    private void duplicate(MedicationRule r, Course a, Course b, List<SafetyAlert> out) {
        DrugClass ca = catalog.drugClass(a.agent(), asOf);
        if (ca == null || ca != catalog.drugClass(b.agent(), asOf) || !is(a, r.subject()) || !is(b, r.subject())) {
            return;
        }
        LocalDate[] days = a.overlap(b);
        if (days != null) {
            out.add(alert(r, a.agent(), b.agent(), days[0], days[1], null));
        }
    }

    private void dose(MedicationRule r, Course c, List<SafetyAlert> out) {
        if (!is(c, r.subject()) || (r.form() != null && r.form() != c.form())) {
            return;
        }
        for (Course.Dose d : c.doses()) {
            BigDecimal mg = r.kind() == RuleKind.MAX_DAILY_DOSE ? d.change().mgPerDay(c.unit())
                    : d.change().mgPerDose(c.unit());
            if (mg != null && mg.compareTo(r.limit()) > 0) {
                out.add(alert(r, c.agent(), null, d.change().from(), null, mg));
                return; // the first dose above the limit says it; later ones would repeat it
            }
        }
    }

    private boolean is(Course c, String token) {
        return token != null && catalog.matches(c.agent(), token, asOf);
    }

    private static SafetyAlert alert(MedicationRule r, String drug, String other, LocalDate from, LocalDate to,
                                     BigDecimal actual) {
        return new SafetyAlert(r.code(), r.kind(), r.level(), r.message(), r.source(), r.confidence(), drug, other,
                from, to, r.limit(), actual);
    }

    private static List<SafetyAlert> strictestWashouts(List<SafetyAlert> all) {
        Map<String, SafetyAlert> washouts = new LinkedHashMap<>();
        List<SafetyAlert> out = new ArrayList<>();
        for (SafetyAlert a : all) {
            if (a.kind() != RuleKind.WASHOUT) {
                out.add(a);
                continue;
            }
            String pair = a.drug() + "->" + a.otherDrug();
            SafetyAlert seen = washouts.get(pair);
            if (seen == null || a.limit().compareTo(seen.limit()) > 0) {
                washouts.put(pair, a);
            }
        }
        out.addAll(washouts.values());
        out.sort(Comparator.comparing(SafetyAlert::level).thenComparing(SafetyAlert::ruleCode));
        return out;
    }
}
