package clinic.threshold.domain.medication;

import clinic.threshold.domain.history.DrugClass;
import clinic.threshold.domain.history.Formulary;
import clinic.threshold.domain.history.FormularyAgent;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every drug the medication rules know: the formulary's agents with their classes, and the drugs the rule
 * groups list (opioids, seizure-threshold drugs...). A drug's groups are its class, ANTIDEPRESSANT for every
 * antidepressant class, and the groups it is a member of on a date.
 */
public final class DrugCatalog {
    /** The group every antidepressant class belongs to (domain.md 7.3 "another antidepressant"). */
    public static final String ANTIDEPRESSANT = "ANTIDEPRESSANT";

    private final Formulary formulary;
    private final List<DrugGroupMember> members;

    public DrugCatalog(Formulary formulary, List<DrugGroupMember> members) {
        this.formulary = formulary;
        this.members = List.copyOf(members);
    }

    public Formulary formulary() {
        return formulary;
    }

    /** The formulary agent called {@code name} (generic or brand), as in force on {@code on}. */
    public Optional<FormularyAgent> agent(String name, LocalDate on) {
        return formulary.find(name, on);
    }

    /** The class of a formulary drug, or null for a drug entered by name. */
    public DrugClass drugClass(String drug, LocalDate on) {
        return formulary.find(drug, on).map(FormularyAgent::drugClass).orElse(null);
    }

    /** The groups {@code drug} is in on {@code on}. */
    public Set<String> groups(String drug, LocalDate on) {
        Set<String> out = new TreeSet<>();
        DrugClass c = drugClass(drug, on);
        if (c != null) {
            out.add(c.name());
            if (c.isAntidepressantClass()) {
                out.add(ANTIDEPRESSANT);
            }
        }
        Map<String, DrugGroupMember> newest = new HashMap<>();
        members.stream().filter(m -> m.drug().equalsIgnoreCase(drug.strip()) && !m.effectiveFrom().isAfter(on))
                .sorted(Comparator.comparing(DrugGroupMember::effectiveFrom)).forEach(m -> newest.put(m.group(), m));
        newest.values().stream().filter(DrugGroupMember::active).forEach(m -> out.add(m.group()));
        return out;
    }

    /** Whether a rule's subject or other ({@code token}: a drug name or a group) names {@code drug}. */
    public boolean matches(String drug, String token, LocalDate on) {
        return drug.equalsIgnoreCase(token) || groups(drug, on).contains(token);
    }

    /** Whether the rules know the name: a formulary agent (by generic or brand name) or a group member. */
    public boolean knows(String name) {
        if (name == null || name.isBlank()) {
            return false;
        }
        return formulary.rows().stream().anyMatch(a -> a.knownAs(name))
                || members.stream().anyMatch(m -> m.drug().equalsIgnoreCase(name.strip()));
    }

    /** Up to three known names close to {@code name} (for "did you mean"). */
    public List<String> suggestions(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        List<String> fromFormulary = formulary.suggestions(name);
        List<String> named = members.stream().map(DrugGroupMember::drug).distinct()
                .filter(d -> Formulary.distance(n, d.toLowerCase(Locale.ROOT)) <= Math.max(2, n.length() / 3)).toList();
        return java.util.stream.Stream.concat(fromFormulary.stream(), named.stream()).distinct().limit(3).toList();
    }

    /**
     * A name the rules know that {@code name} is very probably meant to be: at most two letters off, or the
     * known name followed by a salt or form ("tramadol HCl"). Empty when nothing is that close.
     */
    public Optional<String> closeKnownName(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        java.util.stream.Stream<String> names = java.util.stream.Stream.concat(
                formulary.rows().stream().flatMap(a -> java.util.stream.Stream.concat(java.util.stream.Stream.of(a.genericName()),
                        a.brandNames().stream())), members.stream().map(DrugGroupMember::drug));
        return names.distinct().filter(k -> {
            String known = k.toLowerCase(Locale.ROOT);
            return n.startsWith(known + " ") || (known.length() > 4 && Formulary.distance(n, known) <= 2);
        }).findFirst();
    }

    /** Every name the lists know (formulary generic and brand names, group members), for completion. */
    public java.util.SortedSet<String> names(LocalDate on) {
        java.util.SortedSet<String> out = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        formulary.current(on).forEach(a -> {
            out.add(a.genericName());
            out.addAll(a.brandNames());
        });
        members.forEach(m -> out.add(m.drug()));
        return out;
    }
}
