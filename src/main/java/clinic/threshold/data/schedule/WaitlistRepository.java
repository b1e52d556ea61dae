package clinic.threshold.data.schedule;

import static clinic.threshold.data.jooq.Tables.COURSE_BOOKING_PREFERENCE;
import static clinic.threshold.data.jooq.Tables.PATIENT;
import static clinic.threshold.data.jooq.Tables.WAITLIST_ENTRY;

import clinic.threshold.domain.schedule.Preference;
import clinic.threshold.domain.schedule.WaitlistEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** The waitlist of patients waiting to start, and each course's preferred window and chair. */
public final class WaitlistRepository {
    private final DSLContext dsl;

    public WaitlistRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<WaitlistEntry> waiting() {
        return dsl.select(WAITLIST_ENTRY.asterisk(), PATIENT.GIVEN_NAME, PATIENT.FAMILY_NAME).from(WAITLIST_ENTRY)
                .join(PATIENT).on(PATIENT.ID.eq(WAITLIST_ENTRY.PATIENT_ID)).where(WAITLIST_ENTRY.STATUS.eq("WAITING"))
                .orderBy(WAITLIST_ENTRY.JOINED_ON, WAITLIST_ENTRY.ID)
                .fetch(r -> new WaitlistEntry(r.get(WAITLIST_ENTRY.ID), r.get(WAITLIST_ENTRY.VERSION), r.get(WAITLIST_ENTRY.PATIENT_ID),
                        r.get(PATIENT.FAMILY_NAME) + ", " + r.get(PATIENT.GIVEN_NAME), r.get(WAITLIST_ENTRY.PROTOCOL_CODE),
                        r.get(WAITLIST_ENTRY.JOINED_ON), new Preference(r.get(WAITLIST_ENTRY.EARLIEST), r.get(WAITLIST_ENTRY.LATEST),
                        r.get(WAITLIST_ENTRY.CHAIR_ID)), r.get(WAITLIST_ENTRY.NOTE)));
    }

    public boolean isWaiting(long patientId) {
        return dsl.fetchExists(WAITLIST_ENTRY, WAITLIST_ENTRY.PATIENT_ID.eq(patientId).and(WAITLIST_ENTRY.STATUS.eq("WAITING")));
    }

    public long add(long patientId, String protocol, LocalDate joined, Preference p, String note, String by, Instant at) {
        return dsl.insertInto(WAITLIST_ENTRY).set(WAITLIST_ENTRY.PATIENT_ID, patientId).set(WAITLIST_ENTRY.PROTOCOL_CODE, protocol)
                .set(WAITLIST_ENTRY.JOINED_ON, joined).set(WAITLIST_ENTRY.EARLIEST, p.earliest()).set(WAITLIST_ENTRY.LATEST, p.latest())
                .set(WAITLIST_ENTRY.CHAIR_ID, p.chairId()).set(WAITLIST_ENTRY.NOTE, note).set(WAITLIST_ENTRY.STATUS, "WAITING")
                .set(WAITLIST_ENTRY.CREATED_BY, by).set(WAITLIST_ENTRY.CREATED_AT, at.atOffset(ZoneOffset.UTC))
                .returning(WAITLIST_ENTRY.ID).fetchOne().getId();
    }

    /** Takes a patient off the list (started, or no longer waiting); the row stays with the reason. */
    public boolean close(long id, int version, String status, String reason) {
        return dsl.update(WAITLIST_ENTRY).set(WAITLIST_ENTRY.STATUS, status).set(WAITLIST_ENTRY.STATUS_REASON, reason)
                .set(WAITLIST_ENTRY.VERSION, version + 1).where(WAITLIST_ENTRY.ID.eq(id)).and(WAITLIST_ENTRY.VERSION.eq(version))
                .and(WAITLIST_ENTRY.STATUS.eq("WAITING")).execute() == 1;
    }

    public Optional<Preference> preference(long courseId) {
        return dsl.selectFrom(COURSE_BOOKING_PREFERENCE).where(COURSE_BOOKING_PREFERENCE.COURSE_ID.eq(courseId))
                .fetchOptional(r -> new Preference(r.getEarliest(), r.getLatest(), r.getChairId(),
                        clinic.threshold.data.tms.TmsRepository.weekdays(r.getWeekdays())));
    }

    public void savePreference(long courseId, Preference p, String by, Instant at) {
        String days = p.days().isEmpty() ? null : p.days().stream().sorted().map(Enum::name)
                .collect(java.util.stream.Collectors.joining(","));
        int n = dsl.update(COURSE_BOOKING_PREFERENCE).set(COURSE_BOOKING_PREFERENCE.WEEKDAYS, days).set(COURSE_BOOKING_PREFERENCE.EARLIEST, p.earliest())
                .set(COURSE_BOOKING_PREFERENCE.LATEST, p.latest()).set(COURSE_BOOKING_PREFERENCE.CHAIR_ID, p.chairId())
                .set(COURSE_BOOKING_PREFERENCE.UPDATED_BY, by).set(COURSE_BOOKING_PREFERENCE.UPDATED_AT, at.atOffset(ZoneOffset.UTC))
                .where(COURSE_BOOKING_PREFERENCE.COURSE_ID.eq(courseId)).execute();
        if (n == 0) {
            dsl.insertInto(COURSE_BOOKING_PREFERENCE).set(COURSE_BOOKING_PREFERENCE.COURSE_ID, courseId)
                    .set(COURSE_BOOKING_PREFERENCE.EARLIEST, p.earliest()).set(COURSE_BOOKING_PREFERENCE.LATEST, p.latest())
                    .set(COURSE_BOOKING_PREFERENCE.CHAIR_ID, p.chairId()).set(COURSE_BOOKING_PREFERENCE.WEEKDAYS, days)
                    .set(COURSE_BOOKING_PREFERENCE.UPDATED_BY, by)
                    .set(COURSE_BOOKING_PREFERENCE.UPDATED_AT, at.atOffset(ZoneOffset.UTC)).execute();
        }
    }
}
