package clinic.threshold.domain.tms;

import java.time.LocalDate;

/**
 * Whether a change the pre-session check reports (new metal or an implant, a possible pregnancy) has been screened
 * for since it was reported. The change came after the last check that did not report it: the course's last
 * delivered session, or, before the first, the course's start. A screening counts when it is dated after that
 * and not after the session; every screening answers every item of its form, the metal, implant and pregnancy
 * items included, and the treatment gate already refuses one with an absolute "yes" or an uncleared
 * physician-review "yes", so a counted screening is one the physician has cleared where it needed that.
 */
public final class ReportedChange {
    private ReportedChange() {
    }

    public static boolean screenedSince(Screening latest, LocalDate sessionDay, LocalDate lastDelivered, LocalDate courseStart) {
        if (latest == null || sessionDay == null || latest.screenedOn().isAfter(sessionDay)) {
            return false;
        }
        return lastDelivered == null ? !latest.screenedOn().isBefore(courseStart) : latest.screenedOn().isAfter(lastDelivered);
    }
}
