package clinic.threshold.service.demo.synthetic;

import clinic.threshold.data.synthetic.BulkWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What one patient's generation shares: their own random stream (split from the clinic's, so a patient's records do
 * not depend on how the work is chunked), the writer, the audit trail, the ids and the clinic's reference data.
 */
final class Story {
    final SplittableRandom rnd;
    final BulkWriter w;
    final AuditTrail trail;
    final Ids ids;
    final Reference ref;
    final LocalDate today;
    final ZoneId zone;
    final Floor floor;
    long patientId;
    /** The patient's payer, null for self-pay. */
    String payerName;

    Story(SplittableRandom rnd, BulkWriter w, AuditTrail trail, Ids ids, Reference ref, LocalDate today, ZoneId zone, Floor floor) {
        this.rnd = rnd;
        this.w = w;
        this.trail = trail;
        this.ids = ids;
        this.ref = ref;
        this.today = today;
        this.zone = zone;
        this.floor = floor;
    }

    /** An instant on {@code day} at {@code time} in the clinic's zone. */
    Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(zone).toInstant();
    }

    /** A working-hours instant on {@code day}. */
    Instant during(LocalDate day) {
        return at(day, LocalTime.of(8, 0).plusMinutes(rnd.nextInt(9 * 60)));
    }

    java.time.OffsetDateTime stamp(Instant i) {
        return i.atOffset(java.time.ZoneOffset.UTC);
    }

    boolean chance(double p) {
        return rnd.nextDouble() < p;
    }

    int between(int lo, int hi) {
        return lo + rnd.nextInt(hi - lo + 1);
    }

    <T> T pick(List<T> items) {
        return items.get(rnd.nextInt(items.size()));
    }

    /** Picks by weight: {@code weights[i]} for {@code items.get(i)}. */
    <T> T weighted(List<T> items, double... weights) {
        double total = 0;
        for (double x : weights) {
            total += x;
        }
        double r = rnd.nextDouble() * total;
        for (int i = 0; i < items.size(); i++) {
            r -= weights[i];
            if (r < 0) {
                return items.get(i);
            }
        }
        return items.get(items.size() - 1);
    }

    void audit(Instant when, AuditTrail.Kind kind, long entityId) {
        trail.add(when, kind, patientId, entityId);
    }
}
