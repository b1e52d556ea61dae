package clinic.threshold.service.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.data.report.ReportRepository;
import clinic.threshold.data.tms.TmsBulkRepository;
import clinic.threshold.domain.report.MeasurementCareReport;
import clinic.threshold.domain.report.Progress;
import clinic.threshold.domain.report.ReportParams;
import clinic.threshold.domain.tms.SavedSession;
import clinic.threshold.service.demo.synthetic.SyntheticClinic;
import clinic.threshold.service.tms.PatientCourses;
import clinic.threshold.testing.TestClinic;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The measurement-based-care report follows each course from slim sessions (day and status, read by day), not the whole
 * rows the chart reads: over a generated clinic, every course's assessment schedule comes out the same both ways, and
 * so do the technicians who gave its sessions and the courses a technician's report keeps.
 */
class MeasurementCareFollowsTheChartIT {
    @TempDir
    Path dir;

    @Test
    void slimSessionsGiveEveryCourseTheChartsSchedule() throws Exception {
        try (var c = TestClinic.open(dir)) {
            c.synthetic().generate(new SyntheticClinic.Plan(80, 3, 11), step -> { });
            try (Connection raw = TestClinic.connectBehindTheApp(dir)) {
                DSLContext dsl = TestClinic.dsl(raw);
                LocalDate today = TestClinic.TODAY;
                LocalDate from = today.minusYears(2);
                ReportRepository repo = new ReportRepository(dsl);
                var entries = repo.scaleTotals(from, today);
                var ref = PatientCourses.reference(dsl, today);
                var rules = PatientCourses.scheduleRules(dsl, today);

                // The generator's preferences name no weekdays; five courses keep to three a week, as a scheduler would set.
                var pref = clinic.threshold.data.jooq.Tables.COURSE_BOOKING_PREFERENCE;
                List<Long> ids = dsl.fetch(repo.courseIds(from, today, null, null, null)).getValues(0, Long.class).stream()
                        .sorted().limit(5).toList();
                int set = dsl.update(pref).set(pref.WEEKDAYS, "MONDAY,WEDNESDAY,FRIDAY").where(pref.COURSE_ID.in(ids)).execute();
                for (Long id : ids.stream().filter(id -> dsl.fetchCount(pref, pref.COURSE_ID.eq(id)) == 0).toList()) {
                    set += dsl.insertInto(pref).set(pref.COURSE_ID, id).set(pref.EARLIEST, java.time.LocalTime.of(8, 0))
                            .set(pref.LATEST, java.time.LocalTime.of(17, 0)).set(pref.WEEKDAYS, "MONDAY,WEDNESDAY,FRIDAY")
                            .set(pref.UPDATED_BY, "test").set(pref.UPDATED_AT, java.time.OffsetDateTime.now()).execute();
                }
                assertEquals(5, set, "five courses given weekdays");
                Map<Long, List<String>> chart = new TreeMap<>();
                Map<Long, Set<String>> chartTechnicians = new HashMap<>();
                for (var d : new TmsBulkRepository(dsl).courses(repo.courseIds(from, today, null, null, null))) {
                    chart.put(d.course().id(), followed(PatientCourses.track(d, ref, rules,
                            entries.getOrDefault(d.course().patientId(), List.of()), today)));
                    Set<String> given = d.sessions().stream().filter(SavedSession::delivered).map(s -> s.entry().technician())
                            .filter(Objects::nonNull).collect(Collectors.toSet());
                    if (!given.isEmpty()) {
                        chartTechnicians.put(d.course().id(), given);
                    }
                }
                var slim = new TmsBulkRepository(dsl).schedules(repo.courseIds(from, today, null, null, null), from);
                // Each course's gap decisions and weekdays, read for many courses at once, are the ones its chart reads.
                var one = new clinic.threshold.data.tms.TmsRepository(dsl);
                int withDays = 0;
                for (var d : slim.courses()) {
                    assertEquals(one.decisions(d.course().id()), d.decisions(), "course " + d.course().id() + "'s decisions");
                    assertEquals(one.preferredDays(d.course().id()), d.weekdays(), "course " + d.course().id() + "'s weekdays");
                    withDays += d.weekdays().isEmpty() ? 0 : 1;
                }
                assertEquals(5, withDays, "the courses given weekdays");
                Map<Long, List<String>> report = new TreeMap<>();
                for (var d : slim.courses()) {
                    report.put(d.course().id(), followed(PatientCourses.track(d, ref, rules,
                            entries.getOrDefault(d.course().patientId(), List.of()), today)));
                }

                assertTrue(chart.size() > 20, "the generated clinic started courses in two years: " + chart.size());
                assertTrue(chart.values().stream().mapToLong(l -> l.stream().filter(p -> p.endsWith("DONE") || p.endsWith("MISSED")).count()).sum() > 100,
                        "their schedules asked for assessments");
                assertEquals(chart.keySet(), report.keySet(), "the same courses");
                chart.forEach((id, followed) -> assertEquals(followed, report.get(id), "course " + id + ", point by point"));
                assertEquals(chartTechnicians, slim.technicians());

                // A technician's report keeps the courses in which they gave a session.
                String technician = chartTechnicians.values().iterator().next().iterator().next();
                ReportParams theirs = new ReportParams(from, today, null, null, technician, null, null, null);
                List<MeasurementCareReport.Course> kept = MeasurementCareLoader.load(dsl, theirs, null, today, TestClinic.ZONE,
                        Progress.NONE);
                long expected = chartTechnicians.values().stream().filter(t -> t.contains(technician)).count();
                assertEquals(expected, kept.size(), technician + "'s courses");
                assertTrue(expected > 0 && expected < chart.size(), "the filter keeps some courses, not all: " + expected);
            }
        }
    }

    /** The course's progress as the report reads it (sessions by day and status, misses, the rest of the plan), then its schedule. */
    private static List<String> followed(PatientCourses.Tracked t) {
        var p = t.progress();
        List<String> out = new java.util.ArrayList<>();
        p.sessions().forEach(s -> out.add(s.date() + " " + s.status() + " " + s.number()));
        out.add("delivered " + p.delivered() + ", misses " + p.consecutiveMisses() + " since " + p.missedSince() + ", phase " + p.phase()
                + ", decision " + p.decisionNeeded() + ", planned " + p.remaining().stream().map(r -> r.date().toString()).toList());
        t.schedule().forEach(d -> out.add(d.kind() + " " + d.due() + " " + d.doneOn() + " " + d.status()));
        return out;
    }
}
