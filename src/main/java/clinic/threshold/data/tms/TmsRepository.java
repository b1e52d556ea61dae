package clinic.threshold.data.tms;

import static clinic.threshold.data.jooq.Tables.MT_PROMPT;
import static clinic.threshold.data.jooq.Tables.TMS_ADVERSE_EVENT;
import static clinic.threshold.data.jooq.Tables.TMS_COURSE;
import static clinic.threshold.data.jooq.Tables.TMS_COURSE_DECISION;
import static clinic.threshold.data.jooq.Tables.TMS_MOTOR_THRESHOLD;
import static clinic.threshold.data.jooq.Tables.TMS_SCREENING;
import static clinic.threshold.data.jooq.Tables.TMS_SCREENING_ANSWER;
import static clinic.threshold.data.jooq.Tables.TMS_SESSION;
import static clinic.threshold.data.jooq.Tables.TMS_SESSION_ADDENDUM;

import clinic.threshold.data.db.StoredValues;
import clinic.threshold.data.jooq.tables.records.TmsCourseRecord;
import clinic.threshold.data.jooq.tables.records.TmsSessionRecord;
import clinic.threshold.domain.tms.Addendum;
import clinic.threshold.domain.tms.AdverseEvent;
import clinic.threshold.domain.tms.AdverseEventType;
import clinic.threshold.domain.tms.Authorization;
import clinic.threshold.domain.tms.Course;
import clinic.threshold.domain.tms.CourseDecision;
import clinic.threshold.domain.tms.CourseRequest;
import clinic.threshold.domain.tms.CourseStatus;
import clinic.threshold.domain.tms.CourseTemplate;
import clinic.threshold.domain.tms.CourseTerms;
import clinic.threshold.domain.tms.CourseType;
import clinic.threshold.domain.tms.EventSeverity;
import clinic.threshold.domain.tms.GapDecision;
import clinic.threshold.domain.tms.LocationMethod;
import clinic.threshold.domain.tms.MotorThreshold;
import clinic.threshold.domain.tms.MtMethod;
import clinic.threshold.domain.tms.PreSessionCheck;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.domain.tms.SavedSession;
import clinic.threshold.domain.tms.Screening;
import clinic.threshold.domain.tms.ScreeningAnswer;
import clinic.threshold.domain.tms.SessionEntry;
import clinic.threshold.domain.tms.SessionStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * A patient's TMS records: safety screenings, motor thresholds, courses, sessions with their adverse events and
 * addenda, and gap decisions. No delete and no update of a session: a session is signed as it is saved, then
 * only gains addenda, or is voided with a reason when entered in error (the row stays).
 */
public final class TmsRepository {
    private final DSLContext dsl;

    public TmsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    // Screenings

    public long insertScreening(long patientId, int formVersion, LocalDate on, String by, Instant now,
            List<ScreeningAnswer> answers) {
        long id = dsl.insertInto(TMS_SCREENING).set(TMS_SCREENING.PATIENT_ID, patientId)
                .set(TMS_SCREENING.FORM_VERSION, formVersion).set(TMS_SCREENING.SCREENED_ON, on)
                .set(TMS_SCREENING.SCREENED_BY, by).set(TMS_SCREENING.RECORDED_AT, utc(now))
                .returningResult(TMS_SCREENING.ID).fetchOne().value1();
        for (ScreeningAnswer a : answers) {
            dsl.insertInto(TMS_SCREENING_ANSWER).set(TMS_SCREENING_ANSWER.SCREENING_ID, id)
                    .set(TMS_SCREENING_ANSWER.ITEM_NO, a.item()).set(TMS_SCREENING_ANSWER.ANSWER_YES, a.yes())
                    .set(TMS_SCREENING_ANSWER.DETAIL, blankToNull(a.detail())).execute();
        }
        return id;
    }

    /** The patient's screenings, oldest first. */
    public List<Screening> screenings(long patientId) {
        var rows = dsl.selectFrom(TMS_SCREENING).where(TMS_SCREENING.PATIENT_ID.eq(patientId)
                .and(TMS_SCREENING.VOIDED.isFalse())).orderBy(TMS_SCREENING.SCREENED_ON, TMS_SCREENING.ID).fetch();
        Map<Long, List<ScreeningAnswer>> answers = new HashMap<>();
        dsl.select(TMS_SCREENING_ANSWER.fields()).from(TMS_SCREENING_ANSWER).join(TMS_SCREENING)
                .on(TMS_SCREENING.ID.eq(TMS_SCREENING_ANSWER.SCREENING_ID)).where(TMS_SCREENING.PATIENT_ID.eq(patientId))
                .orderBy(TMS_SCREENING_ANSWER.SCREENING_ID, TMS_SCREENING_ANSWER.ITEM_NO).forEach(r -> answers
                        .computeIfAbsent(r.get(TMS_SCREENING_ANSWER.SCREENING_ID), k -> new ArrayList<>())
                        .add(new ScreeningAnswer(r.get(TMS_SCREENING_ANSWER.ITEM_NO), r.get(TMS_SCREENING_ANSWER.ANSWER_YES),
                                r.get(TMS_SCREENING_ANSWER.DETAIL))));
        return rows.stream().map(r -> new Screening(r.getId(), r.getPatientId(), r.getFormVersion(), r.getScreenedOn(),
                r.getScreenedBy(), answers.getOrDefault(r.getId(), List.of()), r.getClearedBy(), instant(r.getClearedAt()),
                r.getClearanceNote(), r.getVersion(), instant(r.getRecordedAt()))).toList();
    }

    public boolean clear(long screeningId, int version, String by, String note, Instant now) {
        return dsl.update(TMS_SCREENING).set(TMS_SCREENING.CLEARED_BY, by).set(TMS_SCREENING.CLEARED_AT, utc(now))
                .set(TMS_SCREENING.CLEARANCE_NOTE, note).set(TMS_SCREENING.VERSION, version + 1)
                .where(TMS_SCREENING.ID.eq(screeningId).and(TMS_SCREENING.VERSION.eq(version))
                        .and(TMS_SCREENING.CLEARED_BY.isNull())).execute() == 1;
    }

    // Motor thresholds

    public long insertMt(long patientId, Long courseId, LocalDate on, int pct, MtMethod method, String coil,
            String deviceCode, String operator, String reason, Instant now) {
        return dsl.insertInto(TMS_MOTOR_THRESHOLD).set(TMS_MOTOR_THRESHOLD.PATIENT_ID, patientId)
                .set(TMS_MOTOR_THRESHOLD.COURSE_ID, courseId).set(TMS_MOTOR_THRESHOLD.MEASURED_ON, on)
                .set(TMS_MOTOR_THRESHOLD.OUTPUT_PCT, pct).set(TMS_MOTOR_THRESHOLD.METHOD, method.name())
                .set(TMS_MOTOR_THRESHOLD.COIL, coil).set(TMS_MOTOR_THRESHOLD.DEVICE_CODE, deviceCode)
                .set(TMS_MOTOR_THRESHOLD.OPERATOR, operator)
                .set(TMS_MOTOR_THRESHOLD.REASON, reason).set(TMS_MOTOR_THRESHOLD.RECORDED_AT, utc(now))
                .returningResult(TMS_MOTOR_THRESHOLD.ID).fetchOne().value1();
    }

    /** The patient's motor thresholds, oldest first. */
    public List<MotorThreshold> motorThresholds(long patientId) {
        return dsl.selectFrom(TMS_MOTOR_THRESHOLD).where(TMS_MOTOR_THRESHOLD.PATIENT_ID.eq(patientId)
                .and(TMS_MOTOR_THRESHOLD.VOIDED.isFalse())).orderBy(TMS_MOTOR_THRESHOLD.MEASURED_ON, TMS_MOTOR_THRESHOLD.ID)
                .fetch(r -> new MotorThreshold(r.getId(), r.getPatientId(), r.getCourseId(), r.getMeasuredOn(),
                        r.getOutputPct(), StoredValues.enumOf(MtMethod.class, r.getMethod()), r.getCoil(), r.getOperator(),
                        r.getReason(), r.getDeviceCode()));
    }

    /** Marks the medication list's "re-determine MT" prompts as answered by a new determination. */
    public int resolveMtPrompts(long patientId, String by, Instant now) {
        return dsl.update(MT_PROMPT).set(MT_PROMPT.RESOLVED_AT, utc(now)).set(MT_PROMPT.RESOLVED_BY, by)
                .where(MT_PROMPT.PATIENT_ID.eq(patientId).and(MT_PROMPT.RESOLVED_AT.isNull())).execute();
    }

    // Courses

    public long insertCourse(long patientId, CourseRequest r, Protocol p, Long screeningId, String by, Instant now) {
        CourseTemplate t = p.template();
        Authorization a = r.authorization();
        return dsl.insertInto(TMS_COURSE).set(TMS_COURSE.PATIENT_ID, patientId).set(TMS_COURSE.PROTOCOL_CODE, p.code())
                .set(TMS_COURSE.COURSE_TYPE, r.type().name()).set(TMS_COURSE.START_DATE, r.start())
                .set(TMS_COURSE.INDICATION, r.indication().strip()).set(TMS_COURSE.PLANNED_SESSIONS, r.plannedSessions())
                .set(TMS_COURSE.ACUTE_SESSIONS, t.acuteSessions()).set(TMS_COURSE.SESSIONS_PER_WEEK, t.sessionsPerWeek())
                .set(TMS_COURSE.SESSIONS_PER_DAY, t.sessionsPerDay()).set(TMS_COURSE.MIN_INTERVAL_MINUTES, t.minIntervalMinutes())
                .set(TMS_COURSE.TAPER_PATTERN, CourseTemplate.formatPattern(t.taperPattern()))
                .set(TMS_COURSE.PULSES, p.pulses()).set(TMS_COURSE.PCT_MT, p.intensityPctMt())
                .set(TMS_COURSE.MIN_PCT_MT, p.minPctMt()).set(TMS_COURSE.MAX_PCT_MT, p.maxPctMt())
                .set(TMS_COURSE.TRAINS, p.trains()).set(TMS_COURSE.ASSESS_EVERY_DAYS, p.assessEveryDays())
                .set(TMS_COURSE.OFF_LABEL, p.offLabel())
                .set(TMS_COURSE.AUTH_PAYER, blankToNull(a.payer())).set(TMS_COURSE.AUTH_NUMBER, blankToNull(a.number()))
                .set(TMS_COURSE.AUTH_UNITS, a.units()).set(TMS_COURSE.AUTH_FIRST, a.first()).set(TMS_COURSE.AUTH_LAST, a.last())
                .set(TMS_COURSE.STATUS, CourseStatus.ACTIVE.name()).set(TMS_COURSE.SCREENING_ID, screeningId)
                .set(TMS_COURSE.CREATED_BY, by).set(TMS_COURSE.CREATED_AT, utc(now))
                .returningResult(TMS_COURSE.ID).fetchOne().value1();
    }

    /** The patient's courses, oldest first, with their protocol's name. */
    public List<Course> courses(long patientId) {
        return withProtocolName().where(TMS_COURSE.PATIENT_ID.eq(patientId).and(TMS_COURSE.VOIDED.isFalse()))
                .orderBy(TMS_COURSE.START_DATE, TMS_COURSE.ID).fetch(TmsRepository::course);
    }

    /** Courses with their protocol's name in the same statement (not one more per course). */
    private org.jooq.SelectJoinStep<org.jooq.Record> withProtocolName(org.jooq.Field<?>... more) {
        return dsl.select(TMS_COURSE.fields()).select(clinic.threshold.data.jooq.Tables.TMS_PROTOCOL.NAME).select(more).from(TMS_COURSE)
                .join(clinic.threshold.data.jooq.Tables.TMS_PROTOCOL)
                .on(clinic.threshold.data.jooq.Tables.TMS_PROTOCOL.CODE.eq(TMS_COURSE.PROTOCOL_CODE));
    }

    private static Course course(org.jooq.Record r) {
        return course(r.into(TMS_COURSE), r.get(clinic.threshold.data.jooq.Tables.TMS_PROTOCOL.NAME));
    }

    /** The weekdays the patient comes for this course (empty for any open day), as the scheduler saved them. */
    public java.util.Set<java.time.DayOfWeek> preferredDays(long courseId) {
        var P = clinic.threshold.data.jooq.Tables.COURSE_BOOKING_PREFERENCE;
        String days = dsl.select(P.WEEKDAYS).from(P).where(P.COURSE_ID.eq(courseId)).fetchOptional(P.WEEKDAYS).orElse(null);
        return weekdays(days);
    }

    /** "MONDAY,WEDNESDAY" as a set; null or blank as none. */
    public static java.util.Set<java.time.DayOfWeek> weekdays(String stored) {
        if (stored == null || stored.isBlank()) {
            return java.util.Set.of();
        }
        java.util.Set<java.time.DayOfWeek> out = java.util.EnumSet.noneOf(java.time.DayOfWeek.class);
        for (String d : stored.split(",")) {
            out.add(StoredValues.enumOf(java.time.DayOfWeek.class, d.strip()));
        }
        return out;
    }

    public Optional<Course> course(long courseId) {
        return withProtocolName().where(TMS_COURSE.ID.eq(courseId).and(TMS_COURSE.VOIDED.isFalse()))
                .fetchOptional(TmsRepository::course);
    }

    /** Every active course of a patient who is not voided, with the patient's name ("Family, Given"). */
    public List<java.util.Map.Entry<Course, String>> activeCourses() {
        var P = clinic.threshold.data.jooq.Tables.PATIENT;
        return withProtocolName(P.FAMILY_NAME, P.GIVEN_NAME).join(P).on(P.ID.eq(TMS_COURSE.PATIENT_ID))
                .where(TMS_COURSE.STATUS.eq(CourseStatus.ACTIVE.name()).and(TMS_COURSE.VOIDED.isFalse())
                        .and(P.VOIDED.isFalse()))
                .orderBy(TMS_COURSE.START_DATE, TMS_COURSE.ID)
                .fetch(r -> java.util.Map.entry(course(r), r.get(P.FAMILY_NAME) + ", " + r.get(P.GIVEN_NAME)));
    }

    /** Patients whose newest screening has no clearance, with their name: candidates for the clearance list. */
    public List<java.util.Map.Entry<Screening, String>> unclearedLatestScreenings() {
        var P = clinic.threshold.data.jooq.Tables.PATIENT;
        var newer = TMS_SCREENING.as("newer");
        var rows = dsl.select(TMS_SCREENING.ID, TMS_SCREENING.PATIENT_ID, P.FAMILY_NAME, P.GIVEN_NAME).from(TMS_SCREENING)
                .join(P).on(P.ID.eq(TMS_SCREENING.PATIENT_ID))
                .where(TMS_SCREENING.CLEARED_BY.isNull().and(TMS_SCREENING.VOIDED.isFalse()).and(P.VOIDED.isFalse())
                        .andNotExists(dsl.selectOne().from(newer).where(newer.PATIENT_ID.eq(TMS_SCREENING.PATIENT_ID)
                                .and(newer.VOIDED.isFalse()).and(newer.SCREENED_ON.gt(TMS_SCREENING.SCREENED_ON)
                                        .or(newer.SCREENED_ON.eq(TMS_SCREENING.SCREENED_ON).and(newer.ID.gt(TMS_SCREENING.ID)))))))
                .fetch();
        List<java.util.Map.Entry<Screening, String>> out = new ArrayList<>();
        for (var r : rows) {
            long patient = r.get(TMS_SCREENING.PATIENT_ID);
            long id = r.get(TMS_SCREENING.ID);
            screenings(patient).stream().filter(s -> s.id() == id).findFirst().ifPresent(s -> out.add(
                    java.util.Map.entry(s, r.get(P.FAMILY_NAME) + ", " + r.get(P.GIVEN_NAME))));
        }
        return out;
    }

    /** Locks the course row so that two workstations cannot number sessions at once. */
    public void lockCourse(long courseId) {
        dsl.select(TMS_COURSE.ID).from(TMS_COURSE).where(TMS_COURSE.ID.eq(courseId)).forUpdate().fetch();
    }

    public boolean setPlanned(long courseId, int version, int planned) {
        return dsl.update(TMS_COURSE).set(TMS_COURSE.PLANNED_SESSIONS, planned).set(TMS_COURSE.VERSION, version + 1)
                .where(TMS_COURSE.ID.eq(courseId).and(TMS_COURSE.VERSION.eq(version))).execute() == 1;
    }

    public boolean setStatus(long courseId, int version, CourseStatus status, String reason) {
        return dsl.update(TMS_COURSE).set(TMS_COURSE.STATUS, status.name()).set(TMS_COURSE.STOP_REASON, reason)
                .set(TMS_COURSE.VERSION, version + 1)
                .where(TMS_COURSE.ID.eq(courseId).and(TMS_COURSE.VERSION.eq(version))).execute() == 1;
    }

    public boolean setAuthorization(long courseId, int version, Authorization a) {
        return dsl.update(TMS_COURSE).set(TMS_COURSE.AUTH_PAYER, blankToNull(a.payer()))
                .set(TMS_COURSE.AUTH_NUMBER, blankToNull(a.number())).set(TMS_COURSE.AUTH_UNITS, a.units())
                .set(TMS_COURSE.AUTH_FIRST, a.first()).set(TMS_COURSE.AUTH_LAST, a.last())
                .set(TMS_COURSE.VERSION, version + 1)
                .where(TMS_COURSE.ID.eq(courseId).and(TMS_COURSE.VERSION.eq(version))).execute() == 1;
    }

    static Course course(TmsCourseRecord r, String protocolName) {
        CourseTemplate t = new CourseTemplate(r.getAcuteSessions(), r.getSessionsPerWeek(), r.getSessionsPerDay(),
                r.getMinIntervalMinutes(), CourseTemplate.parsePattern(r.getTaperPattern()));
        String name = protocolName;
        return new Course(r.getId(), r.getPatientId(), r.getProtocolCode(), name,
                StoredValues.enumOf(CourseType.class, r.getCourseType()), r.getStartDate(), r.getIndication(),
                r.getPlannedSessions(), t, r.getPulses(), r.getPctMt(), new CourseTerms(r.getMinPctMt(), r.getMaxPctMt(),
                        r.getTrains(), r.getAssessEveryDays(), r.getOffLabel()), new Authorization(r.getAuthPayer(), r.getAuthNumber(),
                        r.getAuthUnits(), r.getAuthFirst(), r.getAuthLast()),
                StoredValues.enumOf(CourseStatus.class, r.getStatus()), r.getStopReason(), r.getCreatedBy(), r.getVersion());
    }

    // Sessions

    /**
     * A delivered session, signed by its operator as it is saved (a signed session is locked: corrections are
     * addenda); returns its id.
     */
    public long insertDelivered(long courseId, long patientId, int number, SessionEntry e, Long mtId, int mtUsed, int output,
            boolean mtAtVisit, String mtReason, String billingCode, String by, Instant now) {
        long id = dsl.insertInto(TMS_SESSION).set(TMS_SESSION.COURSE_ID, courseId).set(TMS_SESSION.PATIENT_ID, patientId)
                .set(TMS_SESSION.STATUS, SessionStatus.DELIVERED.name()).set(TMS_SESSION.SESSION_NO, number)
                .set(TMS_SESSION.SESSION_DATE, e.date()).set(TMS_SESSION.PULSES_DELIVERED, e.pulsesDelivered())
                .set(TMS_SESSION.BILLING_CODE, billingCode).set(TMS_SESSION.SIGNED_BY, by)
                .set(TMS_SESSION.SIGNED_AT, utc(now)).set(TMS_SESSION.RECORDED_BY, by).set(TMS_SESSION.RECORDED_AT, utc(now))
                .returningResult(TMS_SESSION.ID).fetchOne().value1();
        writeEntry(id, e, mtId, mtUsed, output);
        dsl.update(TMS_SESSION).set(TMS_SESSION.MT_REDETERMINED, mtAtVisit).set(TMS_SESSION.MT_REASON, blankToNull(mtReason))
                .where(TMS_SESSION.ID.eq(id)).execute();
        return id;
    }

    private void writeEntry(long id, SessionEntry e, Long mtId, int mtUsed, int output) {
        PreSessionCheck c = e.check();
        dsl.update(TMS_SESSION).set(TMS_SESSION.SESSION_DATE, e.date()).set(TMS_SESSION.START_TIME, e.start())
                .set(TMS_SESSION.CHAIR, blankToNull(e.chair())).set(TMS_SESSION.DEVICE_CODE, e.deviceCode())
                .set(TMS_SESSION.TECHNICIAN, e.technician()).set(TMS_SESSION.PHYSICIAN, e.physician())
                .set(TMS_SESSION.MT_ID, mtId).set(TMS_SESSION.MT_USED_PCT, mtUsed).set(TMS_SESSION.PCT_MT, e.pctMt())
                .set(TMS_SESSION.OUTPUT_PCT, output).set(TMS_SESSION.PULSES_PLANNED, e.pulsesPlanned())
                .set(TMS_SESSION.PULSES_DELIVERED, e.pulsesDelivered()).set(TMS_SESSION.PULSES_REASON, blankToNull(e.pulsesReason()))
                .set(TMS_SESSION.TRAINS_PLANNED, e.trainsPlanned()).set(TMS_SESSION.TRAINS_DELIVERED, e.trainsDelivered())
                .set(TMS_SESSION.LOCATION_METHOD, e.location().name()).set(TMS_SESSION.NASION_INION_CM, e.nasionInionCm())
                .set(TMS_SESSION.TRAGUS_TRAGUS_CM, e.tragusTragusCm()).set(TMS_SESSION.CIRCUMFERENCE_CM, e.circumferenceCm())
                .set(TMS_SESSION.COORDINATES, blankToNull(e.coordinates())).set(TMS_SESSION.INTERRUPTIONS, e.interruptions())
                .set(TMS_SESSION.INTERRUPTION_REASON, blankToNull(e.interruptionReason())).set(TMS_SESSION.PAIN, e.pain())
                .set(TMS_SESSION.SLEEP_HOURS, c.sleepHours()).set(TMS_SESSION.ALCOHOL_24H, c.alcohol())
                .set(TMS_SESSION.MEDICATION_CHANGE, c.medicationChange()).set(TMS_SESSION.NEW_METAL, c.newMetal())
                .set(TMS_SESSION.POSSIBLE_PREGNANCY, c.possiblePregnancy()).set(TMS_SESSION.NOTES, blankToNull(e.notes()))
                .where(TMS_SESSION.ID.eq(id)).execute();
        for (AdverseEvent ev : e.events()) {
            dsl.insertInto(TMS_ADVERSE_EVENT).set(TMS_ADVERSE_EVENT.SESSION_ID, id)
                    .set(TMS_ADVERSE_EVENT.EVENT_TYPE, ev.type().name()).set(TMS_ADVERSE_EVENT.SEVERITY, ev.severity().name())
                    .set(TMS_ADVERSE_EVENT.ACTION, ev.action().strip()).execute();
        }
    }

    public long insertMiss(long courseId, long patientId, SessionStatus status, LocalDate on, String reason, String by,
            Instant now) {
        return dsl.insertInto(TMS_SESSION).set(TMS_SESSION.COURSE_ID, courseId).set(TMS_SESSION.PATIENT_ID, patientId)
                .set(TMS_SESSION.STATUS, status.name()).set(TMS_SESSION.SESSION_DATE, on)
                .set(TMS_SESSION.MISS_REASON, reason.strip()).set(TMS_SESSION.RECORDED_BY, by)
                .set(TMS_SESSION.RECORDED_AT, utc(now)).returningResult(TMS_SESSION.ID).fetchOne().value1();
    }

    public boolean voidSession(long sessionId, int version, String reason) {
        return dsl.update(TMS_SESSION).set(TMS_SESSION.VOIDED, true).set(TMS_SESSION.VOID_REASON, reason)
                .set(TMS_SESSION.VERSION, version + 1).where(TMS_SESSION.ID.eq(sessionId)
                        .and(TMS_SESSION.VERSION.eq(version)).and(TMS_SESSION.VOIDED.isFalse())).execute() == 1;
    }

    /** The course's sessions (not voided) by date, with adverse events and addenda. */
    public List<SavedSession> sessions(long courseId) {
        return sessionsWhere(dsl, TMS_SESSION.COURSE_ID.eq(courseId)).getOrDefault(courseId, List.of());
    }

    /** The sessions (not voided) of the courses {@code ofCourses} picks, by course, each by date. */
    static Map<Long, List<SavedSession>> sessionsWhere(DSLContext dsl, org.jooq.Condition ofCourses) {
        var rows = dsl.selectFrom(TMS_SESSION).where(ofCourses.and(TMS_SESSION.VOIDED.isFalse()))
                .orderBy(TMS_SESSION.COURSE_ID, TMS_SESSION.SESSION_DATE, TMS_SESSION.ID).fetch();
        Map<Long, List<AdverseEvent>> events = new HashMap<>();
        dsl.select(TMS_ADVERSE_EVENT.fields()).from(TMS_ADVERSE_EVENT).join(TMS_SESSION)
                .on(TMS_SESSION.ID.eq(TMS_ADVERSE_EVENT.SESSION_ID)).where(ofCourses)
                .orderBy(TMS_ADVERSE_EVENT.ID).forEach(r -> events.computeIfAbsent(r.get(TMS_ADVERSE_EVENT.SESSION_ID),
                        k -> new ArrayList<>()).add(new AdverseEvent(
                                StoredValues.enumOf(AdverseEventType.class, r.get(TMS_ADVERSE_EVENT.EVENT_TYPE)),
                                StoredValues.enumOf(EventSeverity.class, r.get(TMS_ADVERSE_EVENT.SEVERITY)),
                                r.get(TMS_ADVERSE_EVENT.ACTION))));
        Map<Long, List<Addendum>> addenda = new HashMap<>();
        dsl.select(TMS_SESSION_ADDENDUM.fields()).from(TMS_SESSION_ADDENDUM).join(TMS_SESSION)
                .on(TMS_SESSION.ID.eq(TMS_SESSION_ADDENDUM.SESSION_ID)).where(ofCourses)
                .orderBy(TMS_SESSION_ADDENDUM.ID).forEach(r -> addenda.computeIfAbsent(r.get(TMS_SESSION_ADDENDUM.SESSION_ID),
                        k -> new ArrayList<>()).add(new Addendum(r.get(TMS_SESSION_ADDENDUM.ID), r.get(TMS_SESSION_ADDENDUM.BODY),
                                r.get(TMS_SESSION_ADDENDUM.AUTHOR), instant(r.get(TMS_SESSION_ADDENDUM.WRITTEN_AT)))));
        Map<Long, List<SavedSession>> out = new java.util.LinkedHashMap<>();
        for (TmsSessionRecord r : rows) {
            out.computeIfAbsent(r.getCourseId(), k -> new ArrayList<>()).add(session(r, events.getOrDefault(r.getId(), List.of()),
                    addenda.getOrDefault(r.getId(), List.of())));
        }
        return out;
    }

    static SavedSession session(TmsSessionRecord r, List<AdverseEvent> events, List<Addendum> addenda) {
        SessionStatus status = StoredValues.enumOf(SessionStatus.class, r.getStatus());
        SessionEntry e = null;
        if (status == SessionStatus.DELIVERED) {
            clinic.threshold.domain.tms.MtReading mt = Boolean.TRUE.equals(r.getMtRedetermined())
                    ? new clinic.threshold.domain.tms.MtReading(r.getMtUsedPct(), null, r.getMtReason()) : null;
            e = new SessionEntry(r.getSessionDate(), r.getStartTime(), r.getChair(), r.getDeviceCode(), r.getTechnician(),
                    r.getPhysician(), mt, r.getPctMt(), r.getPulsesPlanned(), r.getPulsesDelivered(), r.getPulsesReason(),
                    r.getTrainsPlanned(), r.getTrainsDelivered(), StoredValues.enumOf(LocationMethod.class, r.getLocationMethod()),
                    StoredValues.plain(r.getNasionInionCm()), StoredValues.plain(r.getTragusTragusCm()),
                    StoredValues.plain(r.getCircumferenceCm()), r.getCoordinates(), r.getInterruptions(),
                    r.getInterruptionReason(), r.getPain(), new PreSessionCheck(StoredValues.plain(r.getSleepHours()),
                            Boolean.TRUE.equals(r.getAlcohol_24h()), Boolean.TRUE.equals(r.getMedicationChange()),
                            Boolean.TRUE.equals(r.getNewMetal()), Boolean.TRUE.equals(r.getPossiblePregnancy())),
                    events, r.getNotes());
        }
        return new SavedSession(r.getId(), r.getCourseId(), r.getSessionNo(), status, r.getSessionDate(), e,
                r.getMissReason(), r.getMtUsedPct(), r.getOutputPct(), r.getBillingCode(), r.getSignedBy(),
                instant(r.getSignedAt()), addenda, r.getVersion());
    }

    /** Whether a (non-voided) session already counted this motor threshold as measured at it. */
    public boolean mtUsedAtSession(long mtId) {
        return dsl.fetchExists(TMS_SESSION, TMS_SESSION.MT_ID.eq(mtId).and(TMS_SESSION.MT_REDETERMINED.isTrue())
                .and(TMS_SESSION.VOIDED.isFalse()));
    }

    /** What voiding a session touches: its motor threshold and when it was recorded. */
    public record VoidTarget(Long mtId, Instant recordedAt) {
    }

    public VoidTarget voidTarget(long sessionId) {
        var r = dsl.select(TMS_SESSION.MT_ID, TMS_SESSION.MT_REDETERMINED, TMS_SESSION.RECORDED_AT).from(TMS_SESSION)
                .where(TMS_SESSION.ID.eq(sessionId)).fetchOne();
        return new VoidTarget(Boolean.TRUE.equals(r.value2()) ? r.value1() : null, instant(r.value3()));
    }

    /** Voids a motor threshold recorded together with a session (same moment); false when it was measured apart. */
    public boolean voidMtMeasuredWith(long mtId, Instant sessionRecordedAt, String reason) {
        return dsl.update(TMS_MOTOR_THRESHOLD).set(TMS_MOTOR_THRESHOLD.VOIDED, true).set(TMS_MOTOR_THRESHOLD.VOID_REASON, reason)
                .where(TMS_MOTOR_THRESHOLD.ID.eq(mtId).and(TMS_MOTOR_THRESHOLD.RECORDED_AT.eq(utc(sessionRecordedAt)))
                        .and(TMS_MOTOR_THRESHOLD.VOIDED.isFalse())).execute() == 1;
    }

    /** Voids a motor threshold; returns when it was recorded (the prompts it answered were resolved then). */
    public Instant voidMt(long mtId, String reason) {
        Instant recorded = instant(dsl.select(TMS_MOTOR_THRESHOLD.RECORDED_AT).from(TMS_MOTOR_THRESHOLD)
                .where(TMS_MOTOR_THRESHOLD.ID.eq(mtId)).fetchOne().value1());
        dsl.update(TMS_MOTOR_THRESHOLD).set(TMS_MOTOR_THRESHOLD.VOIDED, true).set(TMS_MOTOR_THRESHOLD.VOID_REASON, reason)
                .where(TMS_MOTOR_THRESHOLD.ID.eq(mtId)).execute();
        return recorded;
    }

    /** Opens again the "re-determine MT" prompts that a determination at {@code resolvedAt} answered. */
    public int reopenMtPrompts(long patientId, Instant resolvedAt) {
        return dsl.update(MT_PROMPT).setNull(MT_PROMPT.RESOLVED_AT).setNull(MT_PROMPT.RESOLVED_BY)
                .where(MT_PROMPT.PATIENT_ID.eq(patientId).and(MT_PROMPT.RESOLVED_AT.eq(utc(resolvedAt)))).execute();
    }

    public Optional<Long> courseOfSession(long sessionId) {
        return dsl.select(TMS_SESSION.COURSE_ID).from(TMS_SESSION).where(TMS_SESSION.ID.eq(sessionId)).fetchOptional(TMS_SESSION.COURSE_ID);
    }

    public long insertAddendum(long sessionId, String text, String by, Instant now) {
        return dsl.insertInto(TMS_SESSION_ADDENDUM).set(TMS_SESSION_ADDENDUM.SESSION_ID, sessionId)
                .set(TMS_SESSION_ADDENDUM.BODY, text).set(TMS_SESSION_ADDENDUM.AUTHOR, by)
                .set(TMS_SESSION_ADDENDUM.WRITTEN_AT, utc(now)).returningResult(TMS_SESSION_ADDENDUM.ID).fetchOne().value1();
    }

    // Decisions

    public List<CourseDecision> decisions(long courseId) {
        return dsl.selectFrom(TMS_COURSE_DECISION).where(TMS_COURSE_DECISION.COURSE_ID.eq(courseId))
                .orderBy(TMS_COURSE_DECISION.ID).fetch(r -> new CourseDecision(r.getId(), r.getCourseId(),
                        StoredValues.enumOf(GapDecision.class, r.getDecision()), r.getNote(), r.getDecidedBy(), r.getDecidedOn()));
    }

    public long insertDecision(long courseId, GapDecision d, String note, String by, LocalDate on, Instant now) {
        return dsl.insertInto(TMS_COURSE_DECISION).set(TMS_COURSE_DECISION.COURSE_ID, courseId)
                .set(TMS_COURSE_DECISION.DECISION, d.name()).set(TMS_COURSE_DECISION.NOTE, note)
                .set(TMS_COURSE_DECISION.DECIDED_BY, by).set(TMS_COURSE_DECISION.DECIDED_ON, on)
                .set(TMS_COURSE_DECISION.DECIDED_AT, utc(now)).returningResult(TMS_COURSE_DECISION.ID).fetchOne().value1();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
