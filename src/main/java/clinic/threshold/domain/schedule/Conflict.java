package clinic.threshold.domain.schedule;

import java.util.List;

/** Why a booking cannot stand, in a message key with its values ("Chair 2 is booked 08:00-08:45 ..."). */
public record Conflict(Kind kind, String messageKey, List<Object> args) {

    public enum Kind {
        CLINIC_CLOSED, CHAIR_CLOSED, CHAIR_BUSY, CHAIR_PROTOCOL, TECHNICIAN_HOURS, TECHNICIAN_BUSY, TECHNICIAN_TRAINING,
        PHYSICIAN_ABSENT, PATIENT_BUSY, INTERVAL, CLINICIAN_BUSY, ROOM_BUSY, NOT_PLANNED
    }

    public Conflict {
        args = List.copyOf(args);
    }

    public static Conflict of(Kind kind, String key, Object... args) {
        return new Conflict(kind, key, List.of(args));
    }
}
