package clinic.threshold.bench;

import clinic.threshold.domain.patient.PatientQuery;
import clinic.threshold.domain.schedule.Preference;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.testing.ScheduleFixture;
import clinic.threshold.testing.TestClinic;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's interactive targets over the large clinic, each beside its floor: the hand-written JDBC statements that
 * return the same rows on the same database (target: the app's path within 1.5 times the floor). Patient search as
 * you type (every keystroke of a family name, an MRN and a phone number), a chart with every tab's data, the day view
 * of all chairs, and auto-scheduling a 36-session course. p50 and p95 of every sample after a warm-up pass; figures go
 * to target/bench/clinic.txt.
 */
class ClinicBench {
    private static final int PATIENTS = 40;
    private static final int WARM_UP = 3;

    @Test
    void interactiveOperationsAgainstTheirFloor() throws Exception {
        List<String> out = new ArrayList<>();
        StringBuilder generated = new StringBuilder();
        try (var c = LargeClinic.open(generated); Connection jdbc = LargeClinic.jdbc()) {
            if (generated.length() > 0) {
                out.add(generated.toString());
            }
            List<long[]> sample = sample(jdbc);
            List<String[]> people = people(jdbc, sample);

            // Search: every keystroke of a family name (4 letters), an MRN and a phone number, as the list asks.
            List<String> typed = new ArrayList<>();
            for (String[] p : people) {
                for (String whole : new String[] {p[0].substring(0, Math.min(4, p[0].length())), p[1], p[2]}) {
                    for (int n = 1; n <= whole.length(); n++) {
                        typed.add(whole.substring(0, n));
                    }
                }
            }
            out.add(line("search as you type (" + typed.size() + " keystrokes)", 20,
                    each(typed, t -> c.patients().search(PatientQuery.text(t)).size()),
                    each(typed, t -> Floors.search(jdbc, PatientQuery.text(t)))));

            List<Long> ids = sample.stream().map(x -> x[0]).toList();
            out.add(line("open a chart, every tab (" + ids.size() + " patients)", 100, each(ids, id -> chart(c, id)),
                    each(ids, id -> Floors.chart(jdbc, id))));

            LocalDate day = busiestDayAhead(jdbc);
            int shown = c.schedule().day(day).appointments().size();
            System.out.println("floor day rows: " + Floors.day(jdbc, day));
            List<LocalDate> days = java.util.Collections.nCopies(30, day);
            out.add(line("day view, all chairs, " + day + " (" + shown + " appointments)", 50,
                    each(days, d -> c.schedule().day(d).appointments().size()), each(days, d -> Floors.day(jdbc, d))));

            LocalDate monday = c.schedule().today().plusDays(8 - c.schedule().today().getDayOfWeek().getValue());
            long[] extra = ScheduleFixture.patientWithCourse(c, "Bench", "Newcourse", monday);
            Preference pref = new Preference(LocalTime.of(8, 0), LocalTime.of(17, 0), null);
            List<Long> course = java.util.Collections.nCopies(20, extra[1]);
            var plan = c.schedule().planCourse(extra[1], pref);
            plan.result().unplaced().stream().limit(3).forEach(u -> System.out.println("unplaced: " + u));
            out.add(line("auto-schedule a 36-session course (placed " + plan.result().placed().size() + ")", 200,
                    each(course, id -> c.schedule().planCourse(id, pref)), each(course, id -> Floors.bookings(jdbc, monday))));
        }
        Files.createDirectories(LargeClinic.DIR.getParent());
        Files.write(LargeClinic.DIR.getParent().resolve("clinic.txt"), out);
        out.forEach(System.out::println);
    }

    /** What opening a chart loads: the header, then each tab's data, as the chart's view models ask for it. */
    static int chart(ClinicServices c, long id) {
        var p = c.patients().get(id);
        if (p.details().payerId() != null) {
            c.reference().payer(p.details().payerId());
        }
        int n = c.history().overview(id).history().episodes().size();
        n += c.medications().overview(id).orders().size();
        n += c.outcomes().overview(id).series().size();
        n += c.tms().overview(id).courses().size();
        c.tms().reference();
        c.payers().readiness(id);
        n += c.authorizations().ofPatient(id).size();
        n += c.schedule().ofPatient(id).size();
        return n;
    }

    /** Patients with a TMS course, spread over the clinic's years: {patient id, course id}. */
    private static List<long[]> sample(Connection jdbc) throws SQLException {
        List<long[]> all = new ArrayList<>();
        try (PreparedStatement s = jdbc.prepareStatement("SELECT patient_id, id FROM tms_course ORDER BY id");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                all.add(new long[] {r.getLong(1), r.getLong(2)});
            }
        }
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i < PATIENTS; i++) {
            out.add(all.get((int) ((long) i * (all.size() - 1) / (PATIENTS - 1))));
        }
        return out;
    }

    /** Family name, MRN and phone digits of each sampled patient. */
    private static List<String[]> people(Connection jdbc, List<long[]> sample) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement s = jdbc.prepareStatement("SELECT family_name, mrn, phone_key FROM patient WHERE id = ?")) {
            for (long[] x : sample) {
                s.setLong(1, x[0]);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    out.add(new String[] {r.getString(1), r.getString(2), r.getString(3).substring(0, 7)});
                }
            }
        }
        return out;
    }

    /** The open day ahead with the most bookings (the day view's worst case). */
    private static LocalDate busiestDayAhead(Connection jdbc) throws SQLException {
        try (PreparedStatement s = jdbc.prepareStatement("SELECT appt_date FROM appointment WHERE appt_date >= ?"
                + " GROUP BY appt_date ORDER BY COUNT(*) DESC, appt_date LIMIT 1")) {
            s.setObject(1, TestClinic.TODAY);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getObject(1, LocalDate.class);
            }
        }
    }

    /** Calls {@code op} on each input after a warm-up pass over the first few; p50 and p95 of all, in ms. */
    static <T> double[] each(List<T> inputs, Op<T> op) {
        for (int i = 0; i < Math.min(WARM_UP, inputs.size()); i++) {
            op.call(inputs.get(i));
        }
        double[] t = new double[inputs.size()];
        for (int i = 0; i < t.length; i++) {
            long s = System.nanoTime();
            op.call(inputs.get(i));
            t[i] = (System.nanoTime() - s) / 1e6;
        }
        java.util.Arrays.sort(t);
        return new double[] {t[t.length / 2], t[(int) Math.ceil(t.length * 0.95) - 1]};
    }

    /** One operation of the benchmark, on one input; what it returns is kept from the optimizer. */
    @FunctionalInterface
    interface Op<T> {
        Object run(T input) throws Exception;

        default void call(T input) {
            try {
                BLACKHOLE[0] = run(input);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final Object[] BLACKHOLE = new Object[1];

    static String line(String what, double targetMs, double[] app, double[] floor) {
        double ratio = app[0] / floor[0];
        return String.format("%-58s app p50 %7.2f ms p95 %7.2f ms | floor p50 %7.2f ms p95 %7.2f ms | ratio %.2f%s%s", what,
                app[0], app[1], floor[0], floor[1], ratio, app[1] < targetMs ? "" : "  ** p95 over " + (int) targetMs + " ms **",
                ratio <= 1.5 ? "" : "  ** over 1.5x **");
    }
}
