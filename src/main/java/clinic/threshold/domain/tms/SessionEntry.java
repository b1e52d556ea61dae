package clinic.threshold.domain.tms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * What the operator records for a delivered session (domain.md 4.4). {@code mtToday} is set when the motor
 * threshold was measured at this session; otherwise the latest determination is used.
 */
public record SessionEntry(LocalDate date, LocalTime start, String chair, String deviceCode, String technician,
        String physician, MtReading mtToday, int pctMt, int pulsesPlanned, int pulsesDelivered, String pulsesReason,
        Integer trainsPlanned, Integer trainsDelivered, LocationMethod location, BigDecimal nasionInionCm,
        BigDecimal tragusTragusCm, BigDecimal circumferenceCm, String coordinates, int interruptions,
        String interruptionReason, Integer pain, PreSessionCheck check, List<AdverseEvent> events, String notes) {

    public SessionEntry {
        events = List.copyOf(events);
    }
}
