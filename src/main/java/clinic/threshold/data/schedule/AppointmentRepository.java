package clinic.threshold.data.schedule;

import static clinic.threshold.data.jooq.Tables.APPOINTMENT;
import static clinic.threshold.data.jooq.Tables.CHAIR_SLOT;
import static clinic.threshold.data.jooq.Tables.PATIENT;
import static clinic.threshold.data.jooq.Tables.TECHNICIAN;
import static clinic.threshold.data.jooq.Tables.TMS_CHAIR;
import static clinic.threshold.data.jooq.Tables.TMS_PROTOCOL;
import static clinic.threshold.data.jooq.Tables.TMS_SESSION;

import clinic.threshold.data.db.IdList;
import clinic.threshold.data.db.StoredValues;
import clinic.threshold.data.jooq.tables.records.AppointmentRecord;
import clinic.threshold.domain.schedule.Appointment;
import clinic.threshold.domain.schedule.AppointmentKind;
import clinic.threshold.domain.schedule.AppointmentStatus;
import clinic.threshold.domain.schedule.Booking;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Appointments, and the chair slots that keep a chair from being booked twice. A booking or a move writes one
 * slot row per {@link #SLOT_MINUTES} minutes of the chair's time; the primary key (chair, time) refuses a second
 * booking even from another workstation in the same instant. Cancelling frees the slots and keeps the row.
 */
public final class AppointmentRepository {
    /** The grid of chair slot rows; appointment times need not fall on it (a slot row covers any overlap). */
    public static final int SLOT_MINUTES = 5;
    private final DSLContext dsl;

    public AppointmentRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Every appointment from {@code from} to {@code to} inclusive, with DONE and MISSED read from the sessions. */
    public List<Appointment> between(LocalDate from, LocalDate to) {
        return read(APPOINTMENT.APPT_DATE.between(from, to), from, to);
    }

    public List<Appointment> ofPatient(long patientId) {
        return read(APPOINTMENT.PATIENT_ID.eq(patientId), null, null);
    }

    public List<Appointment> ofCourse(long courseId) {
        return read(APPOINTMENT.COURSE_ID.eq(courseId), null, null);
    }

    /** One appointment, its status read with the rest of its course's day (a day's second session is not its first). */
    public java.util.Optional<Appointment> byId(long id) {
        var row = dsl.select(APPOINTMENT.COURSE_ID, APPOINTMENT.APPT_DATE).from(APPOINTMENT).where(APPOINTMENT.ID.eq(id))
                .fetchOptional();
        if (row.isEmpty()) {
            return java.util.Optional.empty();
        }
        Condition where = row.get().value1() == null ? APPOINTMENT.ID.eq(id)
                : APPOINTMENT.COURSE_ID.eq(row.get().value1()).and(APPOINTMENT.APPT_DATE.eq(row.get().value2()));
        return read(where, row.get().value2(), row.get().value2()).stream().filter(a -> a.id() == id).findFirst();
    }

    /**
     * Every appointment holding its time on these days, as the conflict checker sees them: all but the cancelled
     * ones. A session done or missed keeps its chair slot rows, so the checker counts it too and never offers a time
     * the slot key would refuse.
     */
    public List<Booking> liveBookings(LocalDate from, LocalDate to) {
        return dsl.selectFrom(APPOINTMENT).where(APPOINTMENT.APPT_DATE.between(from, to))
                .and(APPOINTMENT.STATUS.ne(AppointmentStatus.CANCELLED.name()))
                .fetch(r -> new Booking(r.getId(), r.getPatientId(), r.getCourseId(), r.getSessionNumber(),
                        r.getProtocolCode() == null ? "" : r.getProtocolCode(), r.getChairId() == null ? -1 : r.getChairId(),
                        r.getTechnicianId() == null ? -1 : r.getTechnicianId(), r.getApptDate(), r.getStartTime(), r.getMinutes()));
    }

    private List<Appointment> read(Condition where, LocalDate from, LocalDate to) {
        var rows = dsl.select(APPOINTMENT.asterisk(), PATIENT.GIVEN_NAME, PATIENT.FAMILY_NAME, PATIENT.MRN, TMS_CHAIR.NAME,
                        TECHNICIAN.NAME, TMS_PROTOCOL.NAME)
                .from(APPOINTMENT).join(PATIENT).on(PATIENT.ID.eq(APPOINTMENT.PATIENT_ID))
                .leftJoin(TMS_CHAIR).on(TMS_CHAIR.ID.eq(APPOINTMENT.CHAIR_ID))
                .leftJoin(TECHNICIAN).on(TECHNICIAN.ID.eq(APPOINTMENT.TECHNICIAN_ID))
                .leftJoin(TMS_PROTOCOL).on(TMS_PROTOCOL.CODE.eq(APPOINTMENT.PROTOCOL_CODE))
                .where(where).orderBy(APPOINTMENT.APPT_DATE, APPOINTMENT.START_TIME, APPOINTMENT.ID).fetch();
        return derive(rows.stream().map(r -> new Row(r.into(APPOINTMENT), r.get(PATIENT.FAMILY_NAME) + ", " + r.get(PATIENT.GIVEN_NAME),
                r.get(PATIENT.MRN), r.get(TMS_CHAIR.NAME), r.get(TECHNICIAN.NAME), r.get(TMS_PROTOCOL.NAME))).toList(), from, to);
    }

    /** An appointment row with the names it is shown with. */
    private record Row(AppointmentRecord a, String patient, String mrn, String chair, String technician, String protocol) {
    }

    /** The appointments in date and time order with done and missed read from the session records. */
    private List<Appointment> derive(List<Row> rows, LocalDate from, LocalDate to) {
        List<AppointmentStatus> statuses = statuses(rows.stream().map(r -> new Slot(r.a().getCourseId(), r.a().getApptDate(),
                StoredValues.enumOf(AppointmentStatus.class, r.a().getStatus()))).toList(), from, to);
        List<Appointment> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            AppointmentRecord r = row.a();
            out.add(new Appointment(r.getId(), r.getVersion(), r.getPatientId(), row.patient(), row.mrn(),
                    StoredValues.enumOf(AppointmentKind.class, r.getKind()), r.getCourseId(), r.getSessionNumber(), r.getProtocolCode(),
                    row.protocol(), r.getChairId(), row.chair(), r.getTechnicianId(), row.technician(), r.getClinician(), r.getRoom(),
                    r.getApptDate(), r.getStartTime(), r.getMinutes(), statuses.get(i), r.getStatusReason()));
        }
        return out;
    }

    /** What the done and missed reading needs of an appointment. */
    private record Slot(Long course, LocalDate day, AppointmentStatus stored) {
    }

    /** A course's day, the key sessions are counted by. */
    private record CourseDay(long course, LocalDate day) {
    }

    /** Each appointment's status as the calendar shows it ({@link CourseDayTally}), in the given order (date, then time). */
    private List<AppointmentStatus> statuses(List<Slot> slots, LocalDate from, LocalDate to) {
        Map<CourseDay, CourseDayTally> done = sessionCounts(slots.stream().map(Slot::course).filter(java.util.Objects::nonNull)
                .distinct().toList(), from, to);
        List<AppointmentStatus> out = new ArrayList<>(slots.size());
        for (Slot a : slots) {
            AppointmentStatus status = a.stored();
            if (CourseDayTally.readsSessions(a.course(), a.stored())) {
                CourseDayTally tally = done.get(new CourseDay(a.course(), a.day()));
                if (tally != null) {
                    status = tally.next(a.stored());
                }
            }
            out.add(status);
        }
        return out;
    }

    /** An appointment as a report over a long range counts it: who, which course, chair and time, how it went. */
    public record Span(long id, long patientId, Long courseId, Long chairId, Long technicianId, String protocolCode, LocalDate date,
            java.time.LocalTime start, int minutes, AppointmentStatus status, Instant updatedAt) {
        Span withStatus(AppointmentStatus s) {
            return new Span(id, patientId, courseId, chairId, technicianId, protocolCode, date, start, minutes, s, updatedAt);
        }
    }

    /**
     * Every appointment from {@code from} to {@code to} for reports, with DONE and MISSED read from the sessions as
     * {@link #between} reads them, but a day at a time ({@link SpanDays}), and only the columns ix_appointment_span
     * holds (V031), read straight from the result set: years of appointments then come from that index alone
     * (docs/benchmarks.md).
     */
    public List<Span> spans(LocalDate from, LocalDate to) {
        List<Span> read = new ArrayList<>();
        Map<String, String> protocols = new HashMap<>();
        var query = dsl.select(APPOINTMENT.ID, APPOINTMENT.PATIENT_ID, APPOINTMENT.COURSE_ID, APPOINTMENT.CHAIR_ID,
                        APPOINTMENT.TECHNICIAN_ID, APPOINTMENT.PROTOCOL_CODE, APPOINTMENT.APPT_DATE, APPOINTMENT.START_TIME,
                        APPOINTMENT.MINUTES, APPOINTMENT.STATUS, APPOINTMENT.UPDATED_AT)
                .from(APPOINTMENT).where(APPOINTMENT.APPT_DATE.between(from, to));
        clinic.threshold.data.db.BulkRows.each(dsl, query, rs -> {
            String protocol = rs.getString(6);
            read.add(new Span(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class), rs.getObject(4, Long.class),
                    rs.getObject(5, Long.class), protocol == null ? null : protocols.computeIfAbsent(protocol, k -> k),
                    rs.getObject(7, LocalDate.class), rs.getObject(8, java.time.LocalTime.class), rs.getInt(9),
                    StoredValues.enumOf(AppointmentStatus.class, rs.getString(10)),
                    rs.getObject(11, java.time.OffsetDateTime.class).toInstant()));
        });
        read.sort(SpanDays.IN_DAY_ORDER);
        new SpanDays(read).readSessions(dsl, from, to);
        return read;
    }

    /** Per course and day: sessions delivered, and missed or cancelled, not voided. */
    private Map<CourseDay, CourseDayTally> sessionCounts(List<Long> courses, LocalDate from, LocalDate to) {
        Map<CourseDay, CourseDayTally> out = new HashMap<>();
        if (courses.isEmpty()) {
            return out;
        }
        Condition when = from == null ? DSL.trueCondition() : TMS_SESSION.SESSION_DATE.between(from, to);
        // A few courses (a day, a patient): by course. Many (a report over years): by date alone (IdList); the courses
        // not asked for are simply not looked up.
        Condition which = from == null ? IdList.literals(TMS_SESSION.COURSE_ID, courses)
                : IdList.in(TMS_SESSION.COURSE_ID, courses);
        // A range of days is read from ix_tms_session_given (V031) alone. Counted here: grouping hundreds of
        // thousands of course days in H2 took longer than reading them (docs/benchmarks.md).
        var query = dsl.select(TMS_SESSION.COURSE_ID, TMS_SESSION.SESSION_DATE, TMS_SESSION.STATUS).from(TMS_SESSION)
                .where(which).and(TMS_SESSION.VOIDED.isFalse()).and(when);
        clinic.threshold.data.db.BulkRows.each(dsl, query, rs -> {
            out.computeIfAbsent(new CourseDay(rs.getLong(1), rs.getObject(2, LocalDate.class)), k -> new CourseDayTally())
                    .count(rs.getString(3));
        });
        return out;
    }

    /** Books an appointment; false when one of its chair slots is taken (another workstation got there first). */
    public long insert(Appointment a, String by, Instant at) {
        long id = dsl.insertInto(APPOINTMENT).set(APPOINTMENT.PATIENT_ID, a.patientId()).set(APPOINTMENT.KIND, a.kind().name())
                .set(APPOINTMENT.COURSE_ID, a.courseId()).set(APPOINTMENT.SESSION_NUMBER, a.sessionNumber())
                .set(APPOINTMENT.PROTOCOL_CODE, a.protocolCode()).set(APPOINTMENT.CHAIR_ID, a.chairId())
                .set(APPOINTMENT.TECHNICIAN_ID, a.technicianId()).set(APPOINTMENT.CLINICIAN, a.clinician())
                .set(APPOINTMENT.ROOM, a.room()).set(APPOINTMENT.APPT_DATE, a.date()).set(APPOINTMENT.START_TIME, a.start())
                .set(APPOINTMENT.MINUTES, a.minutes()).set(APPOINTMENT.STATUS, AppointmentStatus.BOOKED.name())
                .set(APPOINTMENT.CREATED_BY, by).set(APPOINTMENT.CREATED_AT, at.atOffset(ZoneOffset.UTC))
                .set(APPOINTMENT.UPDATED_BY, by).set(APPOINTMENT.UPDATED_AT, at.atOffset(ZoneOffset.UTC))
                .returning(APPOINTMENT.ID).fetchOne().getId();
        takeSlots(id, a.chairId(), a.date().atTime(a.start()), a.minutes());
        return id;
    }

    /** Moves or re-sizes an appointment (and renumbers it); false when the version is stale. */
    public boolean move(long id, int version, Booking to, String by, Instant at) {
        boolean tms = to.chairId() > 0;
        int n = dsl.update(APPOINTMENT).set(APPOINTMENT.CHAIR_ID, tms ? to.chairId() : null)
                .set(APPOINTMENT.TECHNICIAN_ID, tms ? to.technicianId() : null).set(APPOINTMENT.APPT_DATE, to.day())
                .set(APPOINTMENT.START_TIME, to.start()).set(APPOINTMENT.MINUTES, to.minutes())
                .set(APPOINTMENT.SESSION_NUMBER, to.sessionNumber()).set(APPOINTMENT.UPDATED_BY, by)
                .set(APPOINTMENT.UPDATED_AT, at.atOffset(ZoneOffset.UTC)).set(APPOINTMENT.VERSION, version + 1)
                .where(APPOINTMENT.ID.eq(id)).and(APPOINTMENT.VERSION.eq(version)).execute();
        if (n == 0) {
            return false;
        }
        freeSlots(id);
        takeSlots(id, tms ? to.chairId() : null, to.startAt(), to.minutes());
        return true;
    }

    /** Renumbers a kept booking after the plan slid (no change of time or place); false when the version is stale. */
    public boolean renumber(long id, int version, int sessionNumber) {
        return dsl.update(APPOINTMENT).set(APPOINTMENT.SESSION_NUMBER, sessionNumber).set(APPOINTMENT.VERSION, version + 1)
                .where(APPOINTMENT.ID.eq(id)).and(APPOINTMENT.VERSION.eq(version)).execute() == 1;
    }

    public boolean setStatus(long id, int version, AppointmentStatus status, String reason, String by, Instant at) {
        int n = dsl.update(APPOINTMENT).set(APPOINTMENT.STATUS, status.name()).set(APPOINTMENT.STATUS_REASON, reason)
                .set(APPOINTMENT.UPDATED_BY, by).set(APPOINTMENT.UPDATED_AT, at.atOffset(ZoneOffset.UTC))
                .set(APPOINTMENT.VERSION, version + 1).where(APPOINTMENT.ID.eq(id)).and(APPOINTMENT.VERSION.eq(version))
                .execute();
        if (n == 1 && status == AppointmentStatus.CANCELLED) {
            freeSlots(id);
        }
        return n == 1;
    }

    /** Frees an appointment's chair slots (before a set of moves, so that one can take another's old time). */
    public void freeSlots(long id) {
        dsl.deleteFrom(CHAIR_SLOT).where(CHAIR_SLOT.APPOINTMENT_ID.eq(id)).execute();
    }

    /** One row per slot the time touches: 08:02-08:47 takes 08:00 to 08:45. A taken slot throws. */
    private void takeSlots(long id, Long chairId, LocalDateTime start, int minutes) {
        if (chairId == null) {
            return;
        }
        LocalDateTime end = start.plusMinutes(minutes);
        LocalDateTime slot = start.withMinute(start.getMinute() - start.getMinute() % SLOT_MINUTES).withSecond(0).withNano(0);
        var insert = dsl.insertInto(CHAIR_SLOT, CHAIR_SLOT.CHAIR_ID, CHAIR_SLOT.SLOT_AT, CHAIR_SLOT.APPOINTMENT_ID);
        for (; slot.isBefore(end); slot = slot.plusMinutes(SLOT_MINUTES)) {
            insert = insert.values(chairId, slot, id);
        }
        insert.execute();
    }

    /** The course's live bookings from {@code from} on, in time order. */
    public List<Appointment> liveOfCourse(long courseId, LocalDate from) {
        return ofCourse(courseId).stream().filter(a -> a.status().live() && !a.date().isBefore(from))
                .sorted(Comparator.comparing(Appointment::date).thenComparing(Appointment::start)).toList();
    }

    /** Courses with live bookings from {@code from} on. */
    public List<Long> coursesBookedFrom(LocalDate from) {
        return dsl.selectDistinct(APPOINTMENT.COURSE_ID).from(APPOINTMENT).where(APPOINTMENT.COURSE_ID.isNotNull())
                .and(APPOINTMENT.APPT_DATE.ge(from)).and(APPOINTMENT.STATUS.ne(AppointmentStatus.CANCELLED.name()))
                .fetch(APPOINTMENT.COURSE_ID).stream().sorted().collect(Collectors.toList());
    }

    /** The fingerprint of the days {@code from} to {@code to} (two index range reads, no rows fetched). */
    public clinic.threshold.domain.schedule.ChangeMark changeMark(LocalDate from, LocalDate to) {
        Record r = dsl.select(DSL.count(), DSL.coalesce(DSL.sum(APPOINTMENT.VERSION), DSL.inline(java.math.BigDecimal.ZERO)),
                DSL.max(APPOINTMENT.UPDATED_AT)).from(APPOINTMENT).where(APPOINTMENT.APPT_DATE.between(from, to)).fetchOne();
        int sessions = dsl.fetchCount(TMS_SESSION, TMS_SESSION.SESSION_DATE.between(from, to));
        return new clinic.threshold.domain.schedule.ChangeMark(r.get(0, Long.class), r.get(1, Long.class),
                r.get(2, java.time.OffsetDateTime.class), sessions);
    }
}
