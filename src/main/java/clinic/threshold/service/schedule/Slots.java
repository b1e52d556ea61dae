package clinic.threshold.service.schedule;

import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import java.util.function.Supplier;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * Turns the chair-slot key refusing a row into words: another workstation booked the same chair at the same time
 * between our check and our write. The transaction has rolled back; nothing of this booking is saved.
 */
final class Slots {
    private Slots() {
    }

    static <T> T guarded(Supplier<T> work) {
        try {
            return work.get();
        } catch (IntegrityConstraintViolationException e) {
            // H2 and PostgreSQL both name the violated key in the message; any other violation is not ours to word.
            String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("pk_chair_slot")) {
                throw new ValidationException(Violation.of("chair", "schedule.error.slotTaken"));
            }
            throw e;
        }
    }
}
