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
            String[] kinds = {"family name", "MRN", "phone"};
            for (int k = 0; k < kinds.length; k++) {
                List<String> typed = new ArrayList<>();
                for (String[] p : people) {
                    String whole = k == 0 ? p[0].substring(0, Math.min(4, p[0].length())) : p[k];
                    for (int n = 1; n <= whole.length(); n++) {
                        typed.add(whole.substring(0, n));
                    }
                }
                out.add(line("search as you type, " + kinds[k] + " (" + typed.size() + " keystrokes)", 20,
                        pair(typed, t -> c.patients().search(PatientQuery.text(t)).size(), t -> Floors.search(jdbc, PatientQuery.text(t)))));
            }

            List<Long> ids = sample.stream().map(x -> x[0]).toList();
            out.add(line("open a chart, every tab (" + ids.size() + " patients)", 100,
                    pair(ids, id -> chart(c, id), id -> Floors.chart(jdbc, id))));

            // Thirty open days ahead, each once: H2 hands back a repeated query's last result, which would make a floor
            // of one day repeated no floor at all.
            List<LocalDate> days = openDaysAhead(jdbc, 30);
            int shown = 0;
            for (LocalDate d : days) {
                shown = Math.max(shown, c.schedule().day(d).appointments().size());
            }
            out.add(line("day view, all chairs (30 days ahead, up to " + shown + " appointments)", 50,
                    pair(days, d -> c.schedule().day(d).appointments().size(), d -> Floors.day(jdbc, d))));

            // Ten new courses, planned (not applied) twice each: the floor reads the bookings of each one's twelve
            // weeks.
            out.add(tabs(c, ids));

            LocalDate monday = c.schedule().today().plusDays(8 - c.schedule().today().getDayOfWeek().getValue());
            Preference pref = new Preference(LocalTime.of(8, 0), LocalTime.of(17, 0), null);
            List<long[]> courses = new ArrayList<>();
            for (int w = 0; w < 10; w++) {
                // Starts on the next four Mondays: a safety screening counts for 30 days.
                long[] pc = ScheduleFixture.patientWithCourse(c, "Bench" + w, "Newcourse", monday.plusWeeks(w % 4));
                courses.add(new long[] {pc[1], w % 4});
            }
            List<long[]> twice = new ArrayList<>(courses);
            twice.addAll(courses);
            int placed = c.schedule().planCourse(courses.get(0)[0], pref).result().placed().size();
            out.add(line("auto-schedule a 36-session course (placed " + placed + " of 36)", 200,
                    pair(twice, x -> c.schedule().planCourse(x[0], pref), x -> Floors.bookings(jdbc, monday.plusWeeks(x[1])))));
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

    /** Where a chart's time goes: the p50 of each tab's call over the sampled patients. */
    private static String tabs(ClinicServices c, List<Long> ids) {
        java.util.Map<String, Op<Long>> calls = new java.util.LinkedHashMap<>();
        calls.put("header", id -> c.patients().get(id));
        calls.put("history", id -> c.history().overview(id));
        calls.put("medications", id -> c.medications().overview(id));
        calls.put("outcomes", id -> c.outcomes().overview(id));
        calls.put("tms", id -> c.tms().overview(id));
        calls.put("tms reference", id -> c.tms().reference());
        calls.put("payer readiness", id -> c.payers().readiness(id));
        calls.put("authorizations", id -> c.authorizations().ofPatient(id));
        calls.put("appointments", id -> c.schedule().ofPatient(id));
        StringBuilder b = new StringBuilder("  chart by tab, p50:");
        calls.forEach((name, op) -> {
            double[] t = new double[ids.size()];
            for (int i = 0; i < ids.size(); i++) {
                t[i] = timed(op, ids.get(i));
            }
            b.append(String.format(" %s %.1f ms;", name, percentiles(t)[0]));
        });
        return b.toString();
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

    /** The first {@code n} days from today that have bookings. */
    private static List<LocalDate> openDaysAhead(Connection jdbc, int n) throws SQLException {
        List<LocalDate> out = new ArrayList<>();
        try (PreparedStatement s = jdbc.prepareStatement("SELECT DISTINCT appt_date FROM appointment WHERE appt_date >= ?"
                + " ORDER BY appt_date LIMIT " + n)) {
            s.setObject(1, TestClinic.TODAY);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getObject(1, LocalDate.class));
                }
            }
        }
        return out;
    }

    /**
     * Times the app's path and the floor on each input, taking turns which goes first (the second finds the pages the
     * first read in the cache), after a warm-up pass over the first few; p50 and p95 of each, in ms: {app, floor}.
     */
    static <T> double[][] pair(List<T> inputs, Op<T> app, Op<T> floor) {
        for (int i = 0; i < Math.min(WARM_UP, inputs.size()); i++) {
            app.call(inputs.get(i));
            floor.call(inputs.get(i));
        }
        double[] a = new double[inputs.size()];
        double[] f = new double[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            if (i % 2 == 0) {
                a[i] = timed(app, inputs.get(i));
                f[i] = timed(floor, inputs.get(i));
            } else {
                f[i] = timed(floor, inputs.get(i));
                a[i] = timed(app, inputs.get(i));
            }
        }
        return new double[][] {percentiles(a), percentiles(f)};
    }

    private static <T> double timed(Op<T> op, T input) {
        long s = System.nanoTime();
        op.call(input);
        return (System.nanoTime() - s) / 1e6;
    }

    private static double[] percentiles(double[] t) {
        double[] s = t.clone();
        java.util.Arrays.sort(s);
        return new double[] {s[s.length / 2], s[(int) Math.ceil(s.length * 0.95) - 1]};
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

    static String line(String what, double targetMs, double[][] both) {
        double[] app = both[0];
        double[] floor = both[1];
        double ratio = app[0] / floor[0];
        return String.format("%-58s app p50 %7.2f ms p95 %7.2f ms | floor p50 %7.2f ms p95 %7.2f ms | ratio %.2f%s%s", what,
                app[0], app[1], floor[0], floor[1], ratio, app[1] < targetMs ? "" : "  ** p95 over " + (int) targetMs + " ms **",
                ratio <= 1.5 ? "" : "  ** over 1.5x **");
    }
}
