package clinic.threshold.domain.schedule;

/** A supervising physician and the hours they are on site (a TMS session needs one on site throughout). */
public record Physician(long id, String name, String username, WeeklyHours hours, boolean active) {
}
