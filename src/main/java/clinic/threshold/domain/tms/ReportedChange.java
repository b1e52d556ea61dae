package clinic.threshold.domain.tms;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Whether a change the pre-session check reports (new metal or an implant, a possible pregnancy) has been screened
 * for since it was reported. The change came after the last check that did not report it: the course's last
 * delivered session, or, before the first, the course's start. A screening counts when it is dated after that
 * and not after the session, or, dated the day of the last session (accelerated courses give several a day), was
 * recorded after that session was signed. Every screening answers every item of its form, the metal, implant and
 * pregnancy items included (those items are marked, V030, and cannot be retired from a form), and the treatment
 * gate already refuses one with an absolute "yes" or an uncleared physician-review "yes", so a counted screening
 * is one the physician has cleared where it needed that.
 */
public final class ReportedChange {
    private ReportedChange() {
    }

    /**
     * {@code lastDelivered} and {@code lastSignedAt} are the day and signing moment of the course's last delivered
     * session (null before the first).
     */
    public static boolean screenedSince(Screening latest, LocalDate sessionDay, LocalDate lastDelivered,
            Instant lastSignedAt, LocalDate courseStart) {
        if (latest == null || sessionDay == null || latest.screenedOn().isAfter(sessionDay)) {
            return false;
        }
        if (lastDelivered == null) {
            return !latest.screenedOn().isBefore(courseStart);
        }
        if (latest.screenedOn().isAfter(lastDelivered)) {
            return true;
        }
        return latest.screenedOn().equals(lastDelivered) && latest.recordedAt() != null && lastSignedAt != null
                && latest.recordedAt().isAfter(lastSignedAt);
    }
}
