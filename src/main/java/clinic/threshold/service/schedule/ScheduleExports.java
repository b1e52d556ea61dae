package clinic.threshold.service.schedule;

import static clinic.threshold.data.jooq.Tables.PATIENT;

import clinic.threshold.data.db.Transactor;
import clinic.threshold.export.CsvWriter;
import clinic.threshold.export.TablePdf;
import clinic.threshold.data.patient.PatientRepository;
import clinic.threshold.data.schedule.AppointmentRepository;
import clinic.threshold.data.tms.TmsRepository;
import clinic.threshold.domain.audit.AuditCategory;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.common.NotFoundException;
import clinic.threshold.domain.patient.PatientDetails;
import clinic.threshold.domain.schedule.Appointment;
import clinic.threshold.domain.schedule.AppointmentKind;
import clinic.threshold.domain.schedule.SessionFlags;
import clinic.threshold.domain.tms.Course;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.i18n.Messages;
import clinic.threshold.service.common.Guard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.jooq.DSLContext;

/**
 * The schedule on paper and for other programs ({@code patient.read}, each export audited as one): the day's run
 * sheet per chair with the MT-due and scale-due flags of {@link DueFlags}; a patient's coming appointments as an
 * iCalendar file and as a printed list; the day's reminder list as CSV. What leaves the clinic (the calendar, the
 * list, the reminders) says what kind of visit and where, never why. No patient detail is logged.
 */
public final class ScheduleExports {
    static final String REMINDERS_HEADER = "date,time,patient,phone,email,kind,location";
    private static final String ACTION = "schedule.export";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", Locale.ENGLISH);

    private final Transactor tx;
    private final Clock clock;
    private final Guard guard;

    public ScheduleExports(Transactor tx, Clock clock, Guard guard) {
        this.tx = tx;
        this.clock = clock;
        this.guard = guard;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The day's run sheet: per chair (then per room for visits), each appointment by time with its flags. */
    public byte[] runSheetPdf(LocalDate day) {
        UserSession s = guard.require(Permission.PATIENT_READ, ACTION, null);
        record Sheet(List<TablePdf.Section> sections, int count) {
        }
        Sheet sheet = tx.read(dsl -> {
            List<Appointment> all = new AppointmentRepository(dsl).between(day, day);
            Map<Long, SessionFlags> flags = DueFlags.of(dsl, all, today());
            Map<Long, Integer> planned = plannedSessions(dsl, all);
            Map<String, List<List<String>>> byPlace = new LinkedHashMap<>();
            List<Appointment> ordered = new ArrayList<>(all);
            // Chairs by name, then rooms by name; each by time (the repository's order within).
            ordered.sort(Comparator.comparing((Appointment a) -> a.kind().usesChair() ? 0 : 1)
                    .thenComparing(a -> place(a).toLowerCase(Locale.ROOT)).thenComparing(Appointment::start));
            for (Appointment a : ordered) {
                SessionFlags f = flags.getOrDefault(a.id(), SessionFlags.NONE);
                String heading = a.kind().usesChair() ? place(a) : Messages.get("schedule.export.visits", place(a));
                byPlace.computeIfAbsent(heading, k -> new ArrayList<>()).add(List.of(
                        TIME.format(a.start()) + "\u2013" + TIME.format(a.end()), a.patientName(), nz(a.mrn()),
                        a.kind().usesChair() ? nz(a.protocolName()) : Messages.label(a.kind()), session(a, planned),
                        Messages.label(a.status()), a.kind().usesChair() ? nz(a.technicianName()) : nz(a.clinician()),
                        f.mtDue() ? Messages.get("schedule.export.mtDue") : "",
                        f.scaleDue() ? Messages.get("schedule.export.scaleDue") : ""));
            }
            List<TablePdf.Section> sections = new ArrayList<>();
            byPlace.forEach((k, v) -> sections.add(new TablePdf.Section(k, v)));
            return new Sheet(sections, all.size());
        });
        List<TablePdf.Column> columns = List.of(col("time", 9), col("patient", 16), col("mrn", 8), col("protocol", 13),
                col("session", 7), col("status", 7), col("technician", 14), col("mt", 7), col("scale", 8));
        byte[] pdf = pdf(TablePdf.LANDSCAPE, 9, Messages.get("schedule.export.runSheet.title", DAY.format(day)), printed(),
                columns, sheet.sections(), Messages.get("schedule.export.none"), Messages.get("schedule.export.runSheet.footer"));
        audit(s, null, "run_sheet", day.toString(), "run sheet, " + sheet.count() + " appointment(s)");
        return pdf;
    }

    /** The patient's coming live appointments as an RFC 5545 calendar in the clinic's time zone. */
    public String patientIcs(long patientId) {
        UserSession s = guard.require(Permission.PATIENT_READ, ACTION, patientId);
        List<Upcoming> coming = tx.read(dsl -> {
            requirePatient(dsl, patientId);
            return upcoming(dsl, patientId);
        });
        List<IcsWriter.Event> events = coming.stream().map(u -> new IcsWriter.Event("appointment-" + u.a().id() + "@threshold",
                u.a().version(), LocalDateTime.of(u.a().date(), u.a().start()),
                LocalDateTime.of(u.a().date(), u.a().start()).plusMinutes(u.a().minutes()), u.what(), u.where())).toList();
        String ics = IcsWriter.calendar(clock.getZone(), clock.instant(), today(), events);
        audit(s, patientId, "patient", Long.toString(patientId), "calendar, " + events.size() + " appointment(s)");
        return ics;
    }

    /** The patient's coming live appointments as a printed list to take home. */
    public byte[] patientListPdf(long patientId) {
        UserSession s = guard.require(Permission.PATIENT_READ, ACTION, patientId);
        record Listing(PatientDetails who, List<Upcoming> coming) {
        }
        Listing l = tx.read(dsl -> new Listing(requirePatient(dsl, patientId), upcoming(dsl, patientId)));
        List<List<String>> rows = l.coming().stream().map(u -> List.of(DATE.format(u.a().date()), WEEKDAY.format(u.a().date()),
                TIME.format(u.a().start()) + "\u2013" + TIME.format(u.a().end()), u.what(), u.where())).toList();
        List<TablePdf.Section> sections = rows.isEmpty() ? List.of()
                : List.of(new TablePdf.Section(Messages.get("schedule.export.list.heading"), rows));
        List<TablePdf.Column> columns = List.of(col("date", 4), col("weekday", 4), col("time", 4), col("what", 6),
                col("where", 6));
        byte[] pdf = pdf(PDRectangle.LETTER, 11, Messages.get("schedule.export.list.title",
                        l.who().givenName() + " " + l.who().familyName(), nz(l.who().mrn())), printed(), columns, sections,
                Messages.get("schedule.export.list.none"), Messages.get("schedule.export.list.footer"));
        audit(s, patientId, "patient", Long.toString(patientId), "appointment list, " + rows.size() + " appointment(s)");
        return pdf;
    }

    /** The day's live appointments for a reminder service, RFC 4180 with CRLF, guarded against formulas. */
    public String remindersCsv(LocalDate day) {
        UserSession s = guard.require(Permission.PATIENT_READ, ACTION, null);
        record Reminders(String csv, int count) {
        }
        Reminders r = tx.read(dsl -> {
            List<Appointment> live = new AppointmentRepository(dsl).between(day, day).stream().filter(a -> a.status().live())
                    .toList();
            Map<Long, String[]> contacts = new HashMap<>();
            if (!live.isEmpty()) {
                dsl.select(PATIENT.ID, PATIENT.PHONE, PATIENT.EMAIL).from(PATIENT)
                        .where(PATIENT.ID.in(live.stream().map(Appointment::patientId).distinct().toList()))
                        .forEach(p -> contacts.put(p.value1(), new String[] {p.value2(), p.value3()}));
            }
            CsvWriter csv = new CsvWriter();
            csv.row(REMINDERS_HEADER.split(","));
            for (Appointment a : live) {
                String[] c = contacts.getOrDefault(a.patientId(), new String[2]);
                csv.row(a.date().toString(), TIME.format(a.start()), a.patientName(), c[0], c[1], Messages.label(a.kind()),
                        place(a));
            }
            return new Reminders(csv.toString(), live.size());
        });
        audit(s, null, "reminders", day.toString(), "reminder CSV, " + r.count() + " appointment(s)");
        return r.csv();
    }

    /** An appointment to come, in words that may leave the clinic: what kind of visit, and where. */
    private record Upcoming(Appointment a, String what, String where) {
    }

    private List<Upcoming> upcoming(DSLContext dsl, long patientId) {
        LocalDate today = today();
        List<Appointment> coming = new AppointmentRepository(dsl).ofPatient(patientId).stream()
                .filter(a -> a.status().live() && !a.date().isBefore(today)).toList();
        Map<Long, Integer> planned = plannedSessions(dsl, coming);
        return coming.stream().map(a -> {
            String of = session(a, planned);
            String what = a.kind() == AppointmentKind.TMS && !of.isEmpty() ? Messages.label(a.kind()) + " " + of
                    : Messages.label(a.kind());
            return new Upcoming(a, what, place(a));
        }).toList();
    }

    private static PatientDetails requirePatient(DSLContext dsl, long patientId) {
        return new PatientRepository(dsl).findById(patientId).orElseThrow(() -> new NotFoundException("Patient", patientId))
                .details();
    }

    /** Each course's planned session count, for "12 of 36". */
    private static Map<Long, Integer> plannedSessions(DSLContext dsl, List<Appointment> appointments) {
        Map<Long, Integer> out = new HashMap<>();
        TmsRepository repo = new TmsRepository(dsl);
        appointments.stream().map(Appointment::courseId).filter(c -> c != null).distinct().forEach(c ->
                repo.course(c).map(Course::plannedSessions).ifPresent(n -> out.put(c, n)));
        return out;
    }

    private static String session(Appointment a, Map<Long, Integer> planned) {
        Integer total = a.courseId() == null ? null : planned.get(a.courseId());
        return a.sessionNumber() == null || total == null ? ""
                : Messages.get("schedule.export.sessionOf", Integer.toString(a.sessionNumber()), Integer.toString(total));
    }

    /** The chair for a TMS session, the room for a visit. */
    private static String place(Appointment a) {
        return nz(a.kind().usesChair() ? a.chairName() : a.room());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static TablePdf.Column col(String key, float weight) {
        return new TablePdf.Column(Messages.get("schedule.export.col." + key), weight);
    }

    private String printed() {
        return Messages.get("schedule.export.printed", PRINTED.format(LocalDateTime.now(clock)));
    }

    private static byte[] pdf(PDRectangle size, float font, String title, String subtitle, List<TablePdf.Column> columns,
            List<TablePdf.Section> sections, String empty, String footer) {
        try {
            return TablePdf.render(size, font, title, subtitle, columns, sections, empty, footer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One EXPORT event per export, after it was made: under the patient for a patient's own, else for the day. */
    private void audit(UserSession s, Long patientId, String entity, String entityId, String detail) {
        tx.inTransaction(dsl -> {
            guard.audit().append(dsl, s.actor(), new AuditEntry(ACTION, AuditCategory.EXPORT, patientId, entity, entityId,
                    AuditOutcome.SUCCESS, detail));
            return null;
        });
    }

    /** Keys the exports build from enums (for the message-key test). */
    public static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (AppointmentKind k : AppointmentKind.values()) {
            keys.add("history.enum.AppointmentKind." + k.name());
        }
        for (var st : clinic.threshold.domain.schedule.AppointmentStatus.values()) {
            keys.add("history.enum.AppointmentStatus." + st.name());
        }
        return keys;
    }
}
