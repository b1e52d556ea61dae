package clinic.threshold.domain.schedule;

/** A booking refused: the conflicts in words and the nearest free alternatives. Nothing was saved. */
public class ScheduleConflictException extends RuntimeException {
    private final transient BookingCheck check;

    public ScheduleConflictException(BookingCheck check) {
        super("Booking refused: " + check.conflicts().stream().map(Conflict::messageKey).toList());
        this.check = check;
    }

    public BookingCheck check() {
        return check;
    }
}
