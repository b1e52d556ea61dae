package clinic.threshold.domain.tms;

/** The answer to one screening item; a "yes" that matters carries a detail (which implant, which drug). */
public record ScreeningAnswer(int item, boolean yes, String detail) {
}
