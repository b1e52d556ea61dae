package clinic.threshold.domain.history;

import clinic.threshold.domain.common.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a whole history before anything is saved or assessed. Each violation's field is the path of the
 * value in the interchange format ({@code trials[2].doses[1].mgPerDay}), so the same report serves the
 * import, the CLI and the edit dialogs.
 */
public final class HistoryValidator {
    private static final int NOTE_MAX = 2000;
    private static final int NAME_MAX = 80;
    private static final int DOSE_DECIMALS = 3;
    private final Formulary formulary;

    public HistoryValidator(Formulary formulary) {
        this.formulary = formulary;
    }

    public List<Violation> validate(TreatmentHistory h) {
        List<Violation> out = new ArrayList<>();
        Map<String, Episode> episodes = new HashMap<>();
        for (int i = 0; i < h.episodes().size(); i++) {
            episode(h.episodes().get(i), "episodes[" + i + "]", episodes, out);
        }
        overlaps(h.episodes(), out);
        Set<String> trialIds = new HashSet<>();
        for (int i = 0; i < h.trials().size(); i++) {
            String id = h.trials().get(i).id();
            if (id != null && !trialIds.add(id)) {
                out.add(Violation.of("trials[" + i + "].id", "history.error.duplicateId", id));
            }
        }
        for (int i = 0; i < h.trials().size(); i++) {
            trial(h.trials().get(i), "trials[" + i + "]", episodes, h, out);
        }
        return out;
    }

    private static void episode(Episode e, String path, Map<String, Episode> seen, List<Violation> out) {
        if (blank(e.id())) {
            out.add(Violation.of(path + ".id", "history.error.required"));
        } else if (seen.putIfAbsent(e.id(), e) != null) {
            out.add(Violation.of(path + ".id", "history.error.duplicateId", e.id()));
        }
        if (e.onset() == null) {
            out.add(Violation.of(path + ".onset", "history.error.required"));
        } else if (e.end() != null && e.end().isBefore(e.onset())) {
            out.add(Violation.of(path + ".end", "history.error.endBeforeStart", e.end(), e.onset()));
        }
        if (e.severity() == null) {
            out.add(Violation.of(path + ".severity", "history.error.required"));
        }
    }

    /**
     * Episodes follow one another: each ends before the next begins, and only the latest may be open. Two open
     * episodes would make "the current episode" a guess, and a failure in the other one would silently not count.
     */
    private static void overlaps(List<Episode> episodes, List<Violation> out) {
        List<Integer> byOnset = java.util.stream.IntStream.range(0, episodes.size())
                .filter(i -> episodes.get(i).onset() != null).boxed()
                .sorted(java.util.Comparator.comparing(i -> episodes.get(i).onset())).toList();
        for (int k = 1; k < byOnset.size(); k++) {
            Episode earlier = episodes.get(byOnset.get(k - 1));
            Episode later = episodes.get(byOnset.get(k));
            if (earlier.end() == null) {
                out.add(Violation.of("episodes[" + byOnset.get(k - 1) + "].end", "history.error.episodeStillOpen",
                        String.valueOf(earlier.id()), String.valueOf(later.id()), later.onset()));
            } else if (!earlier.end().isBefore(later.onset())) {
                out.add(Violation.of("episodes[" + byOnset.get(k) + "].onset", "history.error.episodesOverlap",
                        later.onset(), String.valueOf(later.id()), String.valueOf(earlier.id()), earlier.end()));
            }
        }
    }

    private void trial(TreatmentTrial t, String path, Map<String, Episode> episodes, TreatmentHistory h,
                       List<Violation> out) {
        if (blank(t.id())) {
            out.add(Violation.of(path + ".id", "history.error.required"));
        }
        if (t.kind() == null) {
            out.add(Violation.of(path + ".kind", "history.error.required"));
        }
        if (t.start() == null) {
            out.add(Violation.of(path + ".start", "history.error.required"));
        } else if (t.end() != null && t.end().isBefore(t.start())) {
            out.add(Violation.of(path + ".end", "history.error.endBeforeStart", t.end(), t.start()));
        }
        Episode e = t.episodeId() == null ? null : episodes.get(t.episodeId());
        if (e == null) {
            out.add(Violation.of(path + ".episode", "history.error.noEpisode", String.valueOf(t.episodeId())));
        } else if (t.start() != null && e.onset() != null && (t.start().isBefore(e.onset())
                || (e.end() != null && t.start().isAfter(e.end())))) {
            out.add(e.end() == null
                    ? Violation.of(path + ".start", "history.error.beforeEpisode", t.start(), e.id(), e.onset())
                    : Violation.of(path + ".start", "history.error.outsideEpisode", t.start(), e.id(), e.onset(), e.end()));
        } else if (t.end() != null && e.end() != null && t.end().isAfter(e.end())) {
            out.add(Violation.of(path + ".end", "history.error.afterEpisode", t.end(), e.id(), e.end()));
        }
        if (t.kind() == TrialKind.MEDICATION) {
            medication(t, path, h, out);
        } else if (t.kind() != null && (t.agent() != null || !t.doses().isEmpty() || t.role() != null
                || t.augments() != null)) {
            // An agent, role or doses on a psychotherapy or ECT record is a mix-up, not something to drop.
            out.add(Violation.of(path + ".kind", "history.error.medicationFieldsOnOtherKind",
                    t.kind().name().toLowerCase(java.util.Locale.ROOT)));
        }
        if (t.kind() == TrialKind.MEDICATION && (t.modality() != null || t.laterality() != null
                || t.protocol() != null || t.sessions() != null)) {
            out.add(Violation.of(path + ".kind", "history.error.otherFieldsOnMedication"));
        }
        if (t.kind() == TrialKind.PSYCHOTHERAPY && t.modality() == null) {
            out.add(Violation.of(path + ".modality", "history.error.required"));
        }
        if (t.kind() == TrialKind.ECT && t.laterality() == null) {
            out.add(Violation.of(path + ".laterality", "history.error.required"));
        }
        tooLong(t.note(), NOTE_MAX, path + ".note", out);
        tooLong(t.protocol(), NAME_MAX, path + ".protocol", out);
        tooLong(t.agent(), NAME_MAX, path + ".agent", out);
        if (t.sessions() != null && t.sessions() < 0) {
            out.add(Violation.of(path + ".sessions", "history.error.negative", t.sessions()));
        }
    }

    private void medication(TreatmentTrial t, String path, TreatmentHistory h, List<Violation> out) {
        Optional<FormularyAgent> agent = Optional.empty();
        if (blank(t.agent())) {
            out.add(Violation.of(path + ".agent", "history.error.required"));
        } else {
            agent = formulary.find(t.agent(), LocalDate.MAX);
            if (agent.isEmpty()) {
                List<String> close = formulary.suggestions(t.agent());
                out.add(close.isEmpty() ? Violation.of(path + ".agent", "history.error.unknownAgent", t.agent())
                        : Violation.of(path + ".agent", "history.error.unknownAgentSuggest", t.agent(),
                        String.join(", ", close)));
            }
        }
        if (t.role() == null) {
            out.add(Violation.of(path + ".role", "history.error.required"));
        } else if (t.role() == TrialRole.AUGMENTATION) {
            if (blank(t.augments())) {
                out.add(Violation.of(path + ".augments", "history.error.augmentsRequired"));
            } else if (t.augments().equals(t.id()) || h.trial(t.augments()).isEmpty()) {
                out.add(Violation.of(path + ".augments", "history.error.augmentsMissing", t.augments()));
            } else {
                TreatmentTrial base = h.trial(t.augments()).get();
                // An augmentation adds to an antidepressant trial; chains (and so cycles) are refused.
                if (base.kind() != TrialKind.MEDICATION || base.role() == TrialRole.AUGMENTATION) {
                    out.add(Violation.of(path + ".augments", "history.error.augmentsNotBase", t.augments()));
                } else if (!java.util.Objects.equals(base.episodeId(), t.episodeId())) {
                    out.add(Violation.of(path + ".augments", "history.error.augmentsOtherEpisode", t.augments()));
                }
            }
        } else if (t.augments() != null) {
            out.add(Violation.of(path + ".augments", "history.error.augmentsWithoutRole"));
        }
        LocalDate previous = null;
        for (int i = 0; i < t.doses().size(); i++) {
            DoseStep d = t.doses().get(i);
            String dp = path + ".doses[" + i + "]";
            if (d.from() == null) {
                out.add(Violation.of(dp + ".from", "history.error.required"));
            } else {
                if (previous != null && !d.from().isAfter(previous)) {
                    out.add(Violation.of(dp + ".from", "history.error.dosesOutOfOrder", d.from(), previous));
                }
                if (t.start() != null && d.from().isBefore(t.start())) {
                    out.add(Violation.of(dp + ".from", "history.error.doseBeforeTrial", d.from(), t.start()));
                } else if (t.end() != null && d.from().isAfter(t.end())) {
                    out.add(Violation.of(dp + ".from", "history.error.doseAfterTrial", d.from(), t.end()));
                }
                previous = d.from();
            }
            dose(d.mgPerDay(), dp + ".mgPerDay", agent, out);
        }
    }

    private static void dose(BigDecimal mg, String path, Optional<FormularyAgent> agent, List<Violation> out) {
        if (mg == null) {
            out.add(Violation.of(path, "history.error.required"));
        } else if (mg.stripTrailingZeros().scale() > DOSE_DECIMALS) {
            // The store keeps thousandths of a milligram; more would be rounded away without a word.
            out.add(Violation.of(path, "history.error.doseTooPrecise", mg.toPlainString(), DOSE_DECIMALS));
        } else if (mg.signum() <= 0) {
            out.add(Violation.of(path, "history.error.doseNotPositive", mg.toPlainString()));
        } else if (agent.isPresent() && agent.get().maxPlausibleMgPerDay() != null
                && mg.compareTo(agent.get().maxPlausibleMgPerDay()) > 0) {
            out.add(Violation.of(path, "history.error.doseImplausible", mg.stripTrailingZeros().toPlainString(),
                    agent.get().genericName(), agent.get().maxPlausibleMgPerDay().stripTrailingZeros().toPlainString()));
        }
    }

    /** The longest text the stored columns take (V012): a longer one is refused here, by name. */
    private static void tooLong(String s, int max, String path, List<Violation> out) {
        if (s != null && s.length() > max) {
            out.add(Violation.of(path, "history.error.tooLong", max));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
