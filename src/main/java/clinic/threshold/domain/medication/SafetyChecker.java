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
                case MAX_DAILY_DOSE, MAX_SINGLE_DOSE -> dose(r, course, others, out);
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

    /**
     * {@code first} stops, then {@code then} starts: enough days between them? Starting {@code then} while
     * {@code first} is still taken is the shortest washout of all (0 or fewer days), so it fires too; that
     * matters for pairs no interaction rule names (an MAOI, then mirtazapine). A restart of the same drug is
     * not a switch.
     */
    private void washout(MedicationRule r, Course first, Course then, List<SafetyAlert> out) {
        if (first.start().isAfter(then.start()) || first.agent().equalsIgnoreCase(then.agent())
                || !is(first, r.subject()) || !is(then, r.other())) {
            return;
        }
        if (first.lastDay() == null) {
            out.add(alert(r, first.agent(), then.agent(), then.start(), null, null));
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

    /**
     * Dose limits on every recorded and planned dose. The daily limit counts every order of the same drug
     * taken that day (an XL tablet and an IR top-up are one daily total).
     */
    private void dose(MedicationRule r, Course c, List<Course> others, List<SafetyAlert> out) {
        if (!is(c, r.subject()) || (r.form() != null && r.form() != c.form())) {
            return;
        }
        List<Course> same = others.stream().filter(o -> o.agent().equalsIgnoreCase(c.agent()) && o.overlap(c) != null)
                .toList();
        for (Course.Dose d : c.doses()) {
            BigDecimal mg;
            if (r.kind() == RuleKind.MAX_DAILY_DOSE) {
                mg = d.change().mgPerDay(c.unit());
                for (Course o : same) {
                    BigDecimal other = o.mgPerDayOn(d.change().from());
                    mg = mg == null || other == null ? mg : mg.add(other);
                }
            } else {
                mg = d.change().mgPerDose(c.unit());
            }
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
            // The most severe first (a hard stop is never hidden behind a longer warning), then the longest.
            int level = seen == null ? -1 : seen.level().compareTo(a.level());
            if (seen == null || level > 0 || (level == 0 && a.limit().compareTo(seen.limit()) > 0)) {
                washouts.put(pair, a);
            }
        }
        out.addAll(washouts.values());
        out.sort(Comparator.comparing(SafetyAlert::level).thenComparing(SafetyAlert::ruleCode));
        return out;
    }
}
