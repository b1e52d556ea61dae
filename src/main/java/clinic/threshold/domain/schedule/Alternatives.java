package clinic.threshold.domain.schedule;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The nearest free alternatives to a refused booking, on the same day: another chair at the same time, then the
 * nearest times on any chair that delivers the protocol, with any technician free and trained for it.
 */
public final class Alternatives {
    private Alternatives() {
    }

    public static List<Booking> near(Booking wanted, ScheduleState state, int minIntervalMinutes, int stepMinutes, int max) {
        List<Booking> out = new ArrayList<>();
        List<Chair> chairs = state.chairs().stream().filter(Chair::active).filter(c -> c.delivers(wanted.protocol()))
                .sorted(Comparator.comparing((Chair c) -> c.id() != wanted.chairId()).thenComparingLong(Chair::id)).toList();
        for (int k = 0; k < 24 * 60 / stepMinutes && out.size() < max; k++) {
            for (int sign : k == 0 ? new int[] {1} : new int[] {1, -1}) {
                LocalTime t = wanted.start().plusMinutes((long) sign * k * stepMinutes);
                boolean wrapped = sign > 0 ? t.isBefore(wanted.start()) : t.isAfter(wanted.start());
                if (wrapped || t.plusMinutes(wanted.minutes()).isBefore(t)) {
                    continue;
                }
                for (Chair c : chairs) {
                    Booking b = free(wanted, c, t, state, minIntervalMinutes);
                    if (b != null && out.size() < max && out.stream().noneMatch(o -> o.start().equals(b.start())
                            && o.chairId() == b.chairId())) {
                        out.add(b);
                    }
                }
            }
        }
        return out;
    }

    private static Booking free(Booking wanted, Chair c, LocalTime t, ScheduleState state, int minIntervalMinutes) {
        List<Long> techs = new ArrayList<>();
        techs.add(wanted.technicianId());
        state.technicians().stream().filter(Technician::active).map(Technician::id).filter(id -> id != wanted.technicianId())
                .forEach(techs::add);
        for (long tech : techs) {
            Booking b = new Booking(wanted.id(), wanted.patientId(), wanted.courseId(), wanted.sessionNumber(), wanted.protocol(),
                    c.id(), tech, wanted.day(), t, wanted.minutes());
            if (ConflictChecker.check(b, state, minIntervalMinutes).isEmpty()) {
                return b;
            }
        }
        return null;
    }
}
