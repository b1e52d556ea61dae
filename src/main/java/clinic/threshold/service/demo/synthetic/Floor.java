package clinic.threshold.service.demo.synthetic;

import clinic.threshold.data.synthetic.BulkWriter;
import clinic.threshold.domain.tms.Device;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.service.demo.SyntheticNames;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The treatment floor of the synthetic clinic: enough chairs for the load the plan implies (a tenth of them with the
 * H-coil for deep TMS), a technician for every two chairs, three supervising physicians, and the minutes each chair is
 * booked on each day, so
 * that no two generated appointments share a chair's time (the slot key the app enforces, issue 9).
 */
final class Floor {
    /** The supervising physicians sessions are given under. */
    static final List<String> PHYSICIANS = List.of("Dr. Osei", "Dr. Lindqvist", "Dr. Haddad");
    /** Deep TMS needs the H-coil stimulator; every other protocol runs on a figure-8 chair. */
    static final String H_COIL_PROTOCOL = "DTMS_H1";
    static final String H_COIL_DEVICE = "H1";
    /** Sessions a chair can hold in a day at about 60% use (12 open hours, 45-minute slots). */
    private static final double SESSIONS_PER_CHAIR_DAY = 9.5;
    private static final LocalTime OPENS = LocalTime.of(7, 0);
    private static final LocalTime CLOSES = LocalTime.of(19, 0);
    private static final int SLOTS = (int) java.time.Duration.between(OPENS, CLOSES).toMinutes() / 5;
    private static final int WORDS = (SLOTS + 63) / 64;
    static final List<String> CHAIR = List.of("id", "name", "device_code", "coil", "own_hours", "active", "version");
    static final List<String> CHAIR_PROTOCOL = List.of("chair_id", "protocol_code");
    static final List<String> TECHNICIAN = List.of("id", "name", "username", "max_chairs", "active", "version");
    static final List<String> TECH_CHAIR = List.of("technician_id", "chair_id");
    static final List<String> TECH_PROTOCOL = List.of("technician_id", "protocol_code");
    static final List<String> HOURS = List.of("id", "owner_kind", "owner_id", "weekday", "opens", "closes");
    static final List<String> PHYSICIAN = List.of("id", "name", "username", "active", "version");

    /** A chair as placed: its id, the name sessions record, its stimulator, and which technician runs it. */
    record Chair(long id, String name, Device device, boolean hCoil, Technician technician) {
    }

    /** A technician: the table's id and the account name sessions record. */
    record Technician(long id, String name, String username) {
    }

    /** Where a session goes. */
    record Place(Chair chair, LocalTime start) {
    }

    final List<Chair> chairs;
    private final Map<Long, long[]> busy = new HashMap<>();
    private int turn;

    private Floor(List<Chair> chairs) {
        this.chairs = chairs;
    }

    /**
     * Chairs for about {@code sessionsPerDay} sessions a day, written with their technicians after the ids already
     * in use; the first technician is the demo technician's account.
     */
    static Floor build(BulkWriter w, Ids ids, Reference ref, double sessionsPerDay, SplittableRandom rnd) {
        int count = Math.max(3, (int) Math.ceil(sessionsPerDay / SESSIONS_PER_CHAIR_DAY));
        int hCoil = Math.max(1, Math.round(count / 10f));
        Device fig8 = ref.devices().stream().filter(d -> !d.code().equals(H_COIL_DEVICE)).findFirst().orElse(ref.devices().get(0));
        Device h1 = ref.devices().stream().filter(d -> d.code().equals(H_COIL_DEVICE)).findFirst().orElse(fig8);
        List<Chair> chairs = new ArrayList<>();
        Technician tech = null;
        for (int i = 0; i < count; i++) {
            if (i % 2 == 0) {
                String given = rnd.nextBoolean() ? SyntheticNames.FEMALE.get(rnd.nextInt(SyntheticNames.FEMALE.size()))
                        : SyntheticNames.MALE.get(rnd.nextInt(SyntheticNames.MALE.size()));
                String family = SyntheticNames.FAMILY.get(rnd.nextInt(SyntheticNames.FAMILY.size()));
                long id = ++ids.technician;
                String username = i == 0 ? "demo.technician" : "tech." + given.toLowerCase(Locale.ROOT) + (i / 2);
                tech = new Technician(id, unique(ref, given + " " + family), username);
                w.row("technician", TECHNICIAN, id, tech.name(), username, 2, true, 0);
                for (int day = 1; day <= 5; day++) { // the clinic's weekdays, open to close
                    w.row("weekly_hours", HOURS, ++ids.hours, "TECHNICIAN", id, day, OPENS, CLOSES);
                }
            }
            boolean h = i >= count - hCoil;
            Device d = h ? h1 : fig8;
            long id = ++ids.chair;
            Chair c = new Chair(id, unique(ref, "Chair " + (i + 1) + (h ? " (H-coil)" : "")), d, h, tech);
            chairs.add(c);
            w.row("tms_chair", CHAIR, id, c.name(), d.code(), d.coil(), false, true, 0);
            w.row("technician_chair", TECH_CHAIR, tech.id(), id);
        }
        // The physicians who supervise the sessions (each session names one), on site the clinic's whole day.
        for (String name : PHYSICIANS) {
            long id = ++ids.physician;
            w.row("supervising_physician", PHYSICIAN, id, unique(ref, name), null, true, 0);
            for (int day = 1; day <= 5; day++) {
                w.row("weekly_hours", HOURS, ++ids.hours, "PHYSICIAN", id, day, OPENS, CLOSES);
            }
        }
        for (Protocol p : ref.protocols()) {
            boolean deep = p.code().equals(H_COIL_PROTOCOL);
            for (Chair c : chairs) {
                if (c.hCoil() == deep) {
                    w.row("tms_chair_protocol", CHAIR_PROTOCOL, c.id(), p.code());
                }
            }
            chairs.stream().map(Chair::technician).distinct()
                    .forEach(t -> w.row("technician_protocol", TECH_PROTOCOL, t.id(), p.code()));
        }
        return new Floor(chairs);
    }

    /** {@code name}, or with a number after it when a chair or technician already has it. */
    private static String unique(Reference ref, String name) {
        String n = name;
        for (int k = 2; !ref.takenNames().add(n); k++) {
            n = name + " " + k;
        }
        return n;
    }

    /**
     * A chair able to give {@code p} free for {@code minutes} on {@code day}: at {@code wanted} if one is, else the
     * nearest quarter hour before or after it ({@code onlyLater}: after it only, for sessions that must keep apart).
     * Null when the day is full.
     */
    Place place(LocalDate day, LocalTime wanted, int minutes, Protocol p, boolean onlyLater) {
        boolean deep = p.code().equals(H_COIL_PROTOCOL);
        long[] bits = busy.computeIfAbsent(day.toEpochDay(), k -> new long[chairs.size() * WORDS]);
        int length = (minutes + 4) / 5;
        int first = Math.max(0, (int) (java.time.Duration.between(OPENS, wanted).toMinutes() / 5));
        for (int step = 0; step < SLOTS; step += 3) {
            for (int sign : onlyLater ? new int[] {1} : new int[] {1, -1}) {
                int from = first + sign * step;
                if (from < 0 || from + length > SLOTS || step == 0 && sign < 0) {
                    continue;
                }
                Chair c = free(bits, from, length, deep);
                if (c != null) {
                    return new Place(c, OPENS.plusMinutes(from * 5L));
                }
            }
        }
        return null;
    }

    /** Takes the first free chair of the right kind, starting from a rotating one so the load spreads. */
    private Chair free(long[] bits, int from, int length, boolean deep) {
        int n = chairs.size();
        for (int k = 0; k < n; k++) {
            int i = (turn + k) % n;
            Chair c = chairs.get(i);
            if (c.hCoil() != deep || !isFree(bits, i, from, length)) {
                continue;
            }
            for (int slot = from; slot < from + length; slot++) {
                bits[i * WORDS + slot / 64] |= 1L << (slot % 64);
            }
            turn = i + 1;
            return c;
        }
        return null;
    }

    private static boolean isFree(long[] bits, int chair, int from, int length) {
        for (int slot = from; slot < from + length; slot++) {
            if ((bits[chair * WORDS + slot / 64] & 1L << (slot % 64)) != 0) {
                return false;
            }
        }
        return true;
    }
}
