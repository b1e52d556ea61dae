package clinic.threshold.data.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.data.db.Database;
import clinic.threshold.data.schedule.AppointmentRepository;
import clinic.threshold.service.demo.synthetic.SyntheticClinic;
import clinic.threshold.testing.TestClinic;
import java.nio.file.Path;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statements reports read years of sessions, appointments and scores with are answered by H2 from the report indexes
 * (V031, ADR 0026): reading each row instead made a ten-year report on the large clinic take 5 to 20 s. A change of
 * query shape that loses the index (a missing status condition, a joined column the index does not hold) fails here,
 * long before a benchmark would show it. H2 only: PostgreSQL plans its own way.
 */
class ReportReadingPlanIT {
    @TempDir
    Path dir;

    @Test
    void reportsReadYearsOfSessionsAndAppointmentsFromTheirIndexes() throws Exception {
        Assumptions.assumeFalse(TestClinic.ON_POSTGRES, "H2's query plans");
        try (var c = TestClinic.open(dir)) {
            c.synthetic().generate(new SyntheticClinic.Plan(80, 3, 11), step -> { });
            List<Ran> ran = new ArrayList<>();
            try (Connection raw = TestClinic.connectBehindTheApp(dir)) {
                // Every statement the reads prepare, jOOQ's and BulkRows' alike, with the values bound to it.
                DSLContext dsl = DSL.using(new DefaultConfiguration().set(recording(raw, ran)).set(SQLDialect.H2)
                        .set(Database.settings()));
                LocalDate to = TestClinic.TODAY;
                LocalDate from = to.minusYears(3);
                ReportRepository reports = new ReportRepository(dsl);
                int sessions = reports.givenSessions(from, to).values().stream().mapToInt(List::size).sum();
                assertTrue(sessions > 500, "the generated clinic gave sessions to read: " + sessions);
                assertEquals(sessions, reports.givenCounts(from, to, null).values().stream().mapToInt(Integer::intValue).sum(),
                        "counted and listed alike");
                assertFalse(new GivenSessionCounts(dsl).billedMonths(from, to, null, null).isEmpty());
                assertFalse(new GivenSessionCounts(dsl).sessionsByProtocol(from, to, null, null, null, null).isEmpty());
                assertFalse(new AppointmentRepository(dsl).spans(from, to).isEmpty());
                assertFalse(reports.scaleTotals(from, to).isEmpty());
                var schedules = new clinic.threshold.data.tms.TmsBulkRepository(dsl).schedules(reports.courseIds(from, to, null, null, null), from);
                assertTrue(schedules.courses().stream().mapToInt(d -> d.sessions().size()).sum() >= sessions,
                        "every given session, and the missed ones, of the courses followed");

                int checked = 0;
                for (Ran r : List.copyOf(ran)) {
                    String sql = r.sql().toUpperCase(java.util.Locale.ROOT);
                    // A few courses' sessions (a list of ids, not a range of years) are looked up by course.
                    boolean fewCourses = java.util.regex.Pattern.compile("COURSE_ID\\s+IN\\s*\\(\\s*\\d").matcher(sql).find();
                    String index = sql.contains("SCALE_ENTRY") ? "IX_SCALE_ENTRY_REPORT"
                            : sql.contains("TMS_SESSION") ? (fewCourses ? "IX_TMS_SESSION_COURSE" : "IX_TMS_SESSION_GIVEN")
                            : sql.contains("APPOINTMENT") && sql.contains("APPT_DATE") ? "IX_APPOINTMENT_SPAN" : null;
                    if (index == null) {
                        continue; // courses, reference rows
                    }
                    try (PreparedStatement explain = raw.prepareStatement("EXPLAIN " + r.sql())) {
                        for (int i = 0; i < r.binds().size(); i++) {
                            explain.setObject(i + 1, r.binds().get(i));
                        }
                        try (ResultSet rs = explain.executeQuery()) {
                            rs.next();
                            String plan = rs.getString(1);
                            assertTrue(plan.contains(index), "read from " + index + ":\n" + plan);
                            // Asked in an order, it comes in the index's order: sorted by H2, years of rows were first
                            // gathered whole, which lazy execution is there to avoid.
                            assertTrue(!sql.contains("ORDER BY") || plan.toUpperCase(java.util.Locale.ROOT).contains("INDEX SORTED"),
                                    "read in the index's order:\n" + plan);
                        }
                    }
                    checked++;
                }
                assertTrue(checked >= 8, "the session and appointment statements were all looked at: " + checked);
            }
        }
    }

    /** A statement as prepared, and the values bound to it in order. */
    private record Ran(String sql, List<Object> binds) {
    }

    /** {@code c}, recording each statement prepared on it. */
    private static Connection recording(Connection c, List<Ran> ran) {
        return (Connection) Proxy.newProxyInstance(ReportReadingPlanIT.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object out = invoke(method, c, args);
                    if (method.getName().equals("prepareStatement") && out instanceof PreparedStatement ps) {
                        Ran r = new Ran((String) args[0], new ArrayList<>());
                        ran.add(r);
                        return Proxy.newProxyInstance(ReportReadingPlanIT.class.getClassLoader(), new Class<?>[] {PreparedStatement.class},
                                (p, m, a) -> {
                                    if (m.getName().startsWith("set") && a != null && a.length >= 2 && a[0] instanceof Integer i) {
                                        while (r.binds().size() < i) {
                                            r.binds().add(null);
                                        }
                                        r.binds().set(i - 1, m.getName().equals("setNull") ? null : a[1]);
                                    }
                                    return invoke(m, ps, a);
                                });
                    }
                    return out;
                });
    }

    private static Object invoke(Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
