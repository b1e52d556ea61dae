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
 * last weeks for most patients, about half responding (most of those remitting), a quarter partially and
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

    /** Returns how many scales it recorded. */
    public int seed(List<Long> patientIds, long seed) {
        Random rnd = new Random(seed);
        LocalDate today = LocalDate.now(clock);
        int count = 0;
        for (long id : patientIds) {
            if (rnd.nextInt(10) < 3) {
                continue;
            }
            int weeks = 4 + rnd.nextInt(9);
            int baseline = 15 + rnd.nextInt(10);
            int kind = rnd.nextInt(100);
            // Responders end at 5 to 40% of baseline (most remit); partial responders lose a quarter to a half.
            double end = kind < 48 ? 0.05 + rnd.nextDouble() * 0.35 : kind < 73 ? 0.52 + rnd.nextDouble() * 0.22
                    : 0.8 + rnd.nextDouble() * 0.35;
            boolean risk = rnd.nextInt(7) == 0;
            boolean riskNow = risk && rnd.nextInt(3) > 0;
            for (int w = 0; w <= weeks; w++) {
                double share = 1 - (1 - end) * w / weeks;
                int total = Math.max(0, Math.min(27, (int) Math.round(baseline * share + rnd.nextInt(3) - 1)));
                LocalDate day = today.minusWeeks(weeks - w);
                RecordResult r = outcomes.record(id, new ScaleEntry("PHQ9", day, items(total, risk && w == 0 || riskNow && w == weeks, rnd), null,
                        "patient"), false);
                count++;
                // Alerts older than this week were reviewed at the time; this week's wait on the work list.
                if (!r.safetySignals().isEmpty() && w < weeks) {
                    outcomes.overview(id).openAlerts().forEach(a -> outcomes.reviewAlert(id, a.id(), a.version(),
                            "Reviewed at the visit: passive thoughts, no intent or plan; safety plan given."));
                }
            }
            if (rnd.nextInt(3) == 0) {
                int madrs = 22 + rnd.nextInt(14);
                outcomes.record(id, new ScaleEntry("MADRS", today.minusWeeks(weeks), List.of(), madrs, "demo.clinician", 0), false);
                outcomes.record(id, new ScaleEntry("MADRS", today, List.of(), (int) Math.round(madrs * end), "demo.clinician", 0),
                        false);
                count += 2;
            }
        }
        return count;
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
