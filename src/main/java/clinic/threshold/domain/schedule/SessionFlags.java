package clinic.threshold.domain.schedule;

/**
 * What a TMS booking needs besides the session, as the run sheet and the day view show it: a motor threshold
 * ({@code mtDue}), and a rating scale that would meet the course's assessment schedule ({@code scaleDue});
 * {@code scaleOverdue}: the point it would meet is already overdue.
 */
public record SessionFlags(boolean mtDue, boolean scaleDue, boolean scaleOverdue) {
    public static final SessionFlags NONE = new SessionFlags(false, false, false);

    public boolean any() {
        return mtDue || scaleDue;
    }
}
