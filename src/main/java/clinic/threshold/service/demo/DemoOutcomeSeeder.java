package clinic.threshold.service.demo;

import clinic.threshold.domain.outcome.RecordResult;
import clinic.threshold.domain.outcome.ScaleEntry;
import clinic.threshold.service.outcome.OutcomeService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Rating-scale trajectories for the demo clinic, recorded through the real service: weekly PHQ-9s over the
 * last weeks for most patients (along each TMS course, from its baseline, for those treated), about half responding (most of those remitting), a quarter partially and
 * the rest not; a clinician's MADRS at the start and the end for some; and a few item-9 answers, most
 * already reviewed, so that the work list has something on it. Deterministic for a seed.
 */
public final class DemoOutcomeSeeder {
    private final OutcomeService outcomes;
    private final Clock clock;

    public DemoOutcomeSeeder(OutcomeService outcomes, Clock clock) {
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /**
     * A TMS course as the scores follow it: the day of its first session (planned, for one not started) and the last
     * day it is measured to (its last session, or today while it runs).
     */
    public record CourseSpan(LocalDate first, LocalDate last) {
    }

    /** Returns how many scales it recorded; no patient has a TMS course (see the other overload). */
    public int seed(List<Long> patientIds, long seed) {
        return seed(patientIds, seed, java.util.Map.of());
    }

    /**
     * Returns how many scales it recorded. A patient with TMS courses ({@code courses}, oldest first) is scored along
     * each: a baseline in the days before its first session (the course baseline), then weekly to its end, so that
     * every course has a baseline and a trajectory; an earlier course responds (its retreatment follows a course that
     * helped). Other patients have weekly scores over the last weeks.
     */
    public int seed(List<Long> patientIds, long seed, java.util.Map<Long, List<CourseSpan>> courses) {
        Random rnd = new Random(seed);
        LocalDate today = LocalDate.now(clock);
        int count = 0;
        for (long id : patientIds) {
            List<CourseSpan> spans = courses.getOrDefault(id, List.of());
            if (rnd.nextInt(10) < 3 && spans.isEmpty()) {
                continue;
            }
            int weeks = 4 + rnd.nextInt(9);
            int baseline = 15 + rnd.nextInt(10);
            int kind = rnd.nextInt(100);
            boolean risk = rnd.nextInt(7) == 0;
            boolean riskNow = risk && rnd.nextInt(3) > 0;
            boolean madrs = rnd.nextInt(3) == 0;
            List<List<LocalDate>> runs = new ArrayList<>();
            if (spans.isEmpty()) {
                List<LocalDate> days = new ArrayList<>();
                for (int w = 0; w <= weeks; w++) {
                    days.add(today.minusWeeks(weeks - w));
                }
                runs.add(days);
            } else {
                for (CourseSpan c : spans) {
                    runs.add(courseDays(c, today, rnd));
                }
            }
            for (int r = 0; r < runs.size(); r++) {
                List<LocalDate> days = runs.get(r);
                boolean last = r == runs.size() - 1;
                // Responders end at 5 to 40% of baseline (most remit); partial responders lose a quarter to a half.
                int k = last ? kind : 0;
                double end = k < 48 ? 0.05 + rnd.nextDouble() * 0.35 : k < 73 ? 0.52 + rnd.nextDouble() * 0.22
                        : 0.8 + rnd.nextDouble() * 0.35;
                int steps = Math.max(1, days.size() - 1);
                for (int w = 0; w < days.size(); w++) {
                    double share = 1 - (1 - end) * w / steps;
                    int total = Math.max(0, Math.min(27, (int) Math.round(baseline * share + rnd.nextInt(3) - 1)));
                    boolean signal = last && (risk && w == 0 || riskNow && w == days.size() - 1);
                    RecordResult res = outcomes.record(id, new ScaleEntry("PHQ9", days.get(w), items(total, signal, rnd), null,
                            "patient"), false);
                    count++;
                    // Alerts older than the latest score were reviewed at the time; the latest's waits on the work list.
                    if (!res.safetySignals().isEmpty() && !(last && w == days.size() - 1)) {
                        outcomes.overview(id).openAlerts().forEach(a -> outcomes.reviewAlert(id, a.id(), a.version(),
                                "Reviewed at the visit: passive thoughts, no intent or plan; safety plan given."));
                    }
                }
                if (madrs && days.size() > 1) {
                    int first = 22 + rnd.nextInt(14);
                    outcomes.record(id, new ScaleEntry("MADRS", days.get(0), List.of(), first, "demo.clinician", 0), false);
                    outcomes.record(id, new ScaleEntry("MADRS", days.get(days.size() - 1), List.of(),
                            (int) Math.round(first * end), "demo.clinician", 0), false);
                    count += 2;
                }
            }
        }
        return count;
    }

    /**
     * The days a course is scored: a baseline 1 to 6 days before its first session (never after today), then every
     * week from the first session while it is measured, and its last day when that is not a week's day.
     */
    private static List<LocalDate> courseDays(CourseSpan c, LocalDate today, Random rnd) {
        List<LocalDate> days = new ArrayList<>();
        LocalDate base = c.first().minusDays(1 + rnd.nextInt(6));
        days.add(base.isAfter(today) ? today : base);
        if (c.first().isAfter(today)) {
            return days; // not started yet: the baseline only
        }
        LocalDate until = c.last().isAfter(today) ? today : c.last();
        for (LocalDate d = c.first().plusWeeks(1); !d.isAfter(until); d = d.plusWeeks(1)) {
            days.add(d);
        }
        if (until.isAfter(days.get(days.size() - 1))) {
            days.add(until);
        }
        return days;
    }

    /** Nine item values that add up to {@code total} (item 9 is 0 unless {@code risk}). */
    private static List<Integer> items(int total, boolean risk, Random rnd) {
        int[] v = new int[9];
        int left = total;
        if (risk && left > 0) {
            v[8] = 1;
            left--;
        }
        while (left > 0) {
            int i = rnd.nextInt(8);
            if (v[i] < 3) {
                v[i]++;
                left--;
            } else if (full(v)) {
                break;
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int x : v) {
            out.add(x);
        }
        return out;
    }

    private static boolean full(int[] v) {
        for (int i = 0; i < 8; i++) {
            if (v[i] < 3) {
                return false;
            }
        }
        return true;
    }
}
