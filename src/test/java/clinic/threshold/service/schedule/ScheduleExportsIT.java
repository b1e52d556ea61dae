package clinic.threshold.service.schedule;

import clinic.threshold.export.CsvWriter;
import clinic.threshold.export.TablePdf;
import static clinic.threshold.service.schedule.ScheduleServiceIT.EIGHT_TO_NINE;
import static clinic.threshold.service.schedule.ScheduleServiceIT.patientWithCourse;
import static clinic.threshold.service.schedule.ScheduleServiceIT.setUp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.audit.AuditFilter;
import clinic.threshold.domain.outcome.ScaleEntry;
import clinic.threshold.domain.patient.PatientDetails;
import clinic.threshold.domain.patient.Sex;
import clinic.threshold.domain.schedule.Appointment;
import clinic.threshold.domain.schedule.AppointmentKind;
import clinic.threshold.domain.tms.MtMethod;
import clinic.threshold.i18n.Messages;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.testing.TestClinic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ResourceBundle;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exports read back: the run sheet and the patient's list parsed from the PDF, the calendar and the CSV as text. */
class ScheduleExportsIT {
    private static final LocalDate TODAY = TestClinic.TODAY;
    private static final LocalDate MONDAY = TODAY.plusDays(3);
    private static final LocalDate TUESDAY = TODAY.plusDays(4);
    private static final String ROOM = "\u54a8\u8be2\u5ba4 3, \u4e1c\u697c \u2013 \u5b89\u9759\u7684\u623f\u95f4 (\u5fc3\u7406\u54a8\u8be2\u4e0e\u8bc4\u4f30\u4e13\u7528)";

    @TempDir
    Path dir;

    private record Pdf(int pages, List<String> lines) {
        String text() {
            return String.join("\n", lines);
        }

        String lineWith(String s) {
            return lines.stream().filter(l -> l.contains(s)).findFirst().orElseThrow(() -> new AssertionError(s + " in " + text()));
        }
    }

    private static Pdf read(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            return new Pdf(doc.getNumberOfPages(), Arrays.asList(s.getText(doc).replace("\r\n", "\n").split("\n")));
        }
    }

    private static int exports(ClinicServices c, Long patientId) {
        return c.audit().page(new AuditFilter(null, patientId, "schedule.export", null, null), null).size();
    }

    @Test
    void theRunSheetListsEachChairByTimeWithSessionNumbersAndTheDueFlags() throws IOException {
        try (var c = TestClinic.open(dir)) {
            setUp(c);
            // Ready: started today with a threshold and a baseline scale on record; Early: first session Monday.
            long[] ready = patientWithCourse(c, "Ready", TODAY);
            c.tms().recordMotorThreshold(ready[0], ready[1], TODAY, 55, MtMethod.VISUAL, "Figure-8", "course mapping");
            c.outcomes().record(ready[0], new ScaleEntry("PHQ9", TODAY, List.of(1, 1, 1, 1, 1, 1, 1, 1, 0), null, "patient"), false);
            c.schedule().apply(c.schedule().planCourse(ready[1], EIGHT_TO_NINE));
            long[] early = patientWithCourse(c, "Early", MONDAY);
            c.schedule().apply(c.schedule().planCourse(early[1], EIGHT_TO_NINE));
            long visitor = c.patients().create(TestClinic.person("Vic", "Visitor", LocalDate.of(1970, 1, 1), null)).id();
            c.schedule().bookVisit(visitor, AppointmentKind.CONSULT, "Dr. Osei", "Room 1", MONDAY, LocalTime.of(14, 0), 60);

            Pdf monday = read(c.scheduleExports().runSheetPdf(MONDAY));
            assertTrue(monday.text().contains("Run sheet \u2013 Monday 30 November 2026"), monday.text());
            assertTrue(monday.lines().stream().anyMatch(l -> l.strip().equals("Chair 1")), monday.text());
            assertTrue(monday.lines().stream().anyMatch(l -> l.strip().equals("Chair 2")), monday.text());
            String e = monday.lineWith("Early, Ana");
            String mrn = c.patients().get(early[0]).details().mrn();
            for (String s : List.of("08:00\u2013", mrn, "Standard 10 Hz", "1 of 36", "booked", "MT due", "Scale due")) {
                assertTrue(e.contains(s), s + " in " + e);
            }
            String r = monday.lineWith("Ready, Ana");
            assertFalse(r.contains("MT due"), "a threshold measured this week for this course: " + r);
            assertFalse(r.contains("Scale due"), "the baseline is done and the first weekly point is days away: " + r);
            assertTrue(r.contains(" of 36"), r);
            assertTrue(monday.text().contains("Visits \u2013 Room 1"), monday.text());
            String v = monday.lineWith("Visitor, Vic");
            assertTrue(v.contains("Consultation") && v.contains("Dr. Osei") && v.contains("14:00\u201315:00"), v);
            assertTrue(monday.text().indexOf("Chair 1") < monday.text().indexOf("Chair 2")
                    && monday.text().indexOf("Chair 2") < monday.text().indexOf("Visits"), "chairs by name, then rooms");
            assertTrue(monday.text().contains("Page 1 of 1"), monday.text());

            // Monday's threshold is taken as measured at Monday's booking, and the baseline window has closed.
            String tuesday = read(c.scheduleExports().runSheetPdf(TUESDAY)).lineWith("Early, Ana");
            assertTrue(tuesday.contains("2 of 36"), tuesday);
            assertFalse(tuesday.contains("MT due") || tuesday.contains("Scale due"), tuesday);
            // A week after Monday's threshold the weekly re-measurement and the first weekly scale point are due.
            String week = read(c.scheduleExports().runSheetPdf(MONDAY.plusWeeks(1))).lineWith("Early, Ana");
            assertTrue(week.contains("6 of 36") && week.contains("MT due") && week.contains("Scale due"), week);
            assertEquals(3, exports(c, null));
        }
    }

    @Test
    void anOverdueScaleIsFlaggedOnTheDayViewAndTheRunSheetUntilAScoreClearsIt() throws IOException {
        try (var c = TestClinic.open(dir)) {
            setUp(c);
            // Sessions since Monday 9 November with a baseline; the weekly points of 16 and 23 November were missed.
            LocalDate start = TODAY.minusDays(18);
            long p = c.patients().create(TestClinic.person("Ona", "Overdue", LocalDate.of(1979, 4, 4), null)).id();
            clinic.threshold.testing.AuthorizationFixture.screen(c, p, start.minusDays(3));
            c.outcomes().record(p, clinic.threshold.testing.AuthorizationFixture.phq(start.minusDays(2), 3, 3, 3, 2, 2, 2, 2, 2, 0),
                    false);
            long course = clinic.threshold.testing.AuthorizationFixture.courseWithSessions(c, p, start, TODAY.minusDays(1));
            c.schedule().apply(c.schedule().planCourse(course, EIGHT_TO_NINE));
            Appointment monday = c.schedule().day(MONDAY).appointments().stream().filter(a -> a.patientId() == p)
                    .findFirst().orElseThrow();
            assertTrue(c.schedule().day(MONDAY).flags().isEmpty(), "the day itself comes without flags (they follow it)");
            clinic.threshold.domain.schedule.SessionFlags f = c.schedule().dayFlags(MONDAY).get(monday.id());
            assertTrue(f.scaleDue() && f.scaleOverdue(), "overdue since 16 November: " + f);
            assertTrue(read(c.scheduleExports().runSheetPdf(MONDAY)).lineWith("Overdue, Ona").contains("Scale due"));
            // Tuesday 1 December is outside the window of Monday's point, but the overdue point still asks for a scale.
            Appointment tuesday = c.schedule().day(TUESDAY).appointments().stream().filter(a -> a.patientId() == p)
                    .findFirst().orElseThrow();
            assertTrue(c.schedule().dayFlags(TUESDAY).get(tuesday.id()).scaleOverdue());

            // A score today meets the point of 30 November (within its window): the missed weeks are passed over.
            c.outcomes().record(p, clinic.threshold.testing.AuthorizationFixture.phq(TODAY, 2, 2, 2, 1, 1, 1, 1, 1, 0), false);
            clinic.threshold.domain.schedule.SessionFlags after = c.schedule().dayFlags(MONDAY).get(monday.id());
            assertFalse(after.scaleDue(), "nothing open any more: " + after);
            assertFalse(read(c.scheduleExports().runSheetPdf(MONDAY)).lineWith("Overdue, Ona").contains("Scale due"));
        }
    }

    @Test
    void anEmptyDaySaysSoAndALongSheetBreaksOntoPagesWithItsHeadingsRepeated() throws IOException {
        try (var c = TestClinic.open(dir)) {
            setUp(c);
            Pdf saturday = read(c.scheduleExports().runSheetPdf(TODAY.plusDays(1)));
            assertEquals(1, saturday.pages());
            assertTrue(saturday.text().contains("No appointments"), saturday.text());
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            rows.add(List.of(String.format("%02d:00", i % 24), "Patient " + i + ", \u03a9mega", "MRN" + i, "Standard 10 Hz",
                    i + " of 36", "booked", "Kim", i % 2 == 0 ? "MT due" : "", ""));
        }
        List<TablePdf.Column> cols = new ArrayList<>();
        for (String h : List.of("Time", "Patient", "MRN", "Protocol", "Session", "Status", "Technician", "MT", "Scale")) {
            cols.add(new TablePdf.Column(h, 1));
        }
        Pdf many = read(TablePdf.render(TablePdf.LANDSCAPE, 9, "Run sheet", "Printed", cols,
                List.of(new TablePdf.Section("Chair 1", rows)), "No appointments", "Confidential"));
        assertTrue(many.pages() >= 3, "pages: " + many.pages());
        assertTrue(many.text().contains("Patient 0, ?mega"), "a letter the font lacks prints as ?");
        assertTrue(many.text().contains("Patient 119"), "the last row is on the sheet");
        assertTrue(many.text().contains("Chair 1 (continued)"), many.text());
        assertEquals(many.pages(), many.lines().stream().filter(l -> l.contains("Technician")).count(),
                "the column headings on every page");
        assertTrue(many.text().contains("Page " + many.pages() + " of " + many.pages()), many.text());
    }

    @Test
    void thePatientsCalendarHasOneEventPerComingAppointmentInTheClinicsZone() {
        try (var c = TestClinic.open(dir)) {
            setUp(c);
            long[] pc = patientWithCourse(c, "Calendar", MONDAY);
            c.schedule().apply(c.schedule().planCourse(pc[1], EIGHT_TO_NINE));
            List<Appointment> booked = ScheduleServiceIT.live(c, pc[0]);
            Appointment last = booked.get(booked.size() - 1);
            c.schedule().cancel(last.id(), last.version(), "Holiday");
            c.schedule().bookVisit(pc[0], AppointmentKind.CONSULT, "Dr. Osei", ROOM, MONDAY, LocalTime.of(14, 0), 30);

            String ics = c.scheduleExports().patientIcs(pc[0]);
            assertFalse(ics.replace("\r\n", "").contains("\n") || ics.replace("\r\n", "").contains("\r"), "CRLF only");
            assertTrue(ics.endsWith("END:VCALENDAR\r\n"));
            for (String physical : ics.split("\r\n")) {
                assertTrue(physical.getBytes(StandardCharsets.UTF_8).length <= 75, physical);
            }
            assertTrue(ics.contains("\r\n "), "the long location is folded");
            List<String> lines = List.of(ics.replace("\r\n ", "").split("\r\n"));
            assertEquals("BEGIN:VCALENDAR", lines.get(0));
            assertTrue(lines.contains("PRODID:-//Threshold//Schedule//EN") && lines.contains("VERSION:2.0"));
            assertTrue(lines.contains("TZID:America/Los_Angeles"), "the zone the TZID names");
            assertEquals(36, lines.stream().filter("BEGIN:VEVENT"::equals).count(), "35 sessions left and the consultation");
            Appointment first = booked.get(0);
            assertTrue(lines.contains("UID:appointment-" + first.id() + "@threshold"));
            assertFalse(lines.contains("UID:appointment-" + last.id() + "@threshold"), "the cancelled one is left out");
            assertTrue(lines.contains("DTSTART;TZID=America/Los_Angeles:20261130T080000"), ics);
            assertTrue(lines.contains("DTSTART;TZID=America/Los_Angeles:20261130T140000"));
            assertTrue(lines.contains("DTEND;TZID=America/Los_Angeles:20261130T143000"));
            assertTrue(lines.contains("DTSTAMP:20261127T170000Z"));
            assertTrue(lines.contains("SUMMARY:TMS session 1 of 36"), ics);
            assertTrue(lines.contains("SUMMARY:Consultation"));
            assertTrue(lines.contains("LOCATION:Chair 1") || lines.contains("LOCATION:Chair 2"));
            assertTrue(lines.contains("LOCATION:" + ROOM.replace(",", "\\,")), "the comma escaped");
            assertFalse(ics.contains("depressive") || ics.contains("10 Hz"), "no clinical detail leaves the clinic");
            assertEquals(1, exports(c, pc[0]));
            long none = c.patients().create(TestClinic.person("Nadia", "None", LocalDate.of(1990, 2, 2), null)).id();
            String empty = c.scheduleExports().patientIcs(none);
            assertTrue(empty.contains("BEGIN:VTIMEZONE\r\n") && !empty.contains("BEGIN:VEVENT"), empty);
        }
    }

    @Test
    void icsTextIsEscapedAndLongLinesFoldWithoutSplittingACharacter() {
        assertEquals("a\\\\b\\;c\\,d\\ne", IcsWriter.escape("a\\b;c,d\r\ne"));
        String longLine = "SUMMARY:" + "x".repeat(70) + "\u00e9".repeat(20);
        String folded = IcsWriter.fold(longLine);
        for (String physical : folded.split("\r\n")) {
            assertTrue(physical.getBytes(StandardCharsets.UTF_8).length <= 75, physical);
        }
        assertEquals(longLine + "\r\n", folded.replace("\r\n ", ""));
        assertEquals("-0800", IcsWriter.offset(java.time.ZoneOffset.ofHours(-8)));
        assertEquals("+0530", IcsWriter.offset(java.time.ZoneOffset.ofHoursMinutes(5, 30)));
    }

    @Test
    void thePrintedListShowsTheComingAppointmentsInPlainWords() throws IOException {
        try (var c = TestClinic.open(dir)) {
            setUp(c);
            long[] pc = patientWithCourse(c, "Listed", MONDAY);
            c.schedule().apply(c.schedule().planCourse(pc[1], EIGHT_TO_NINE));
            Pdf list = read(c.scheduleExports().patientListPdf(pc[0]));
            assertTrue(list.text().contains("Appointments for Ana Listed"), list.text());
            String first = list.lineWith("30 Nov 2026");
            for (String s : List.of("Monday", "08:00\u2013", "TMS session 1 of 36", "Chair ")) {
                assertTrue(first.contains(s), s + " in " + first);
            }
            assertTrue(list.pages() >= 2, "36 rows run over a page");
            assertFalse(list.text().contains("depressive"));
            long none = c.patients().create(TestClinic.person("Nadia", "None", LocalDate.of(1990, 2, 2), null)).id();
            assertTrue(read(c.scheduleExports().patientListPdf(none)).text().contains("No appointments are booked."));
            assertEquals(1, exports(c, pc[0]));
        }
    }

    @Test
    void theReminderCsvQuotesAndDisarmsFormulasAndLeavesOutWhatIsNotLive() {
        try (var c = TestClinic.open(dir)) {
            setUp(c);
            long eve = c.patients().create(new PatientDetails(null, "Eve", "=HYPERLINK(\"http://x\")", null, LocalDate.of(1985, 5, 5),
                    Sex.FEMALE, null, "+1 555 0100", "eve@example.org", null, null, null, null, null, null, null)).id();
            long plain = c.patients().create(TestClinic.person("Paul", "Plain", LocalDate.of(1975, 7, 7), "555-0101")).id();
            c.schedule().bookVisit(eve, AppointmentKind.CONSULT, "Dr. Osei", "Room 2", MONDAY, LocalTime.of(10, 0), 30);
            c.schedule().bookVisit(plain, AppointmentKind.FOLLOW_UP, "Dr. Osei", "Room 2", MONDAY, LocalTime.of(11, 0), 30);
            long gone = c.schedule().bookVisit(plain, AppointmentKind.MT_ONLY, "Dr. Osei", "Room 2", MONDAY, LocalTime.of(12, 0), 30);
            Appointment g = c.schedule().between(MONDAY, MONDAY).stream().filter(a -> a.id() == gone).findFirst().orElseThrow();
            c.schedule().cancel(gone, g.version(), "Not needed");

            String csv = c.scheduleExports().remindersCsv(MONDAY);
            assertTrue(csv.endsWith("\r\n") && !csv.replace("\r\n", "").contains("\n"), "CRLF rows");
            List<String> rows = List.of(csv.split("\r\n"));
            assertEquals(List.of("date,time,patient,phone,email,kind,location",
                    "2026-11-30,10:00,\"'=HYPERLINK(\"\"http://x\"\"), Eve\",+1 555 0100,eve@example.org,Consultation,Room 2",
                    "2026-11-30,11:00,\"Plain, Paul\",555-0101,,Follow-up,Room 2"), rows);
            assertEquals(1, exports(c, null));
        }
    }

    @Test
    void csvFieldsFollowRfc4180AndTheFormulaGuard() {
        assertEquals("plain", CsvWriter.field("plain"));
        assertEquals("", CsvWriter.field(null));
        assertEquals("\"a,b\"", CsvWriter.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvWriter.field("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvWriter.field("two\nlines"));
        for (String f : List.of("=1+2", "+SUM(A1:A9)", "-2+3", "@SUM(A1)", "+1 555 0100 =cmd")) {
            assertEquals("\"'" + f + "\"", CsvWriter.field(f));
        }
        assertEquals("+1 (555) 010-0100", CsvWriter.field("+1 (555) 010-0100"), "a phone number is left dialable");
        assertEquals("a,\"b,c\"\r\n", new CsvWriter().row("a", "b,c").toString());
    }

    @Test
    void everyWordTheExportsUseIsInTheBundle() {
        ResourceBundle b = ResourceBundle.getBundle(Messages.BUNDLE);
        List<String> missing = ScheduleExports.keys().stream().filter(k -> !b.containsKey(k)).toList();
        assertEquals(List.of(), missing);
    }
}
