package clinic.threshold.service.tms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.common.AccessDeniedException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.history.Confidence;
import clinic.threshold.domain.history.RuleSetting;
import clinic.threshold.domain.tms.Authorization;
import clinic.threshold.domain.tms.CourseRequest;
import clinic.threshold.domain.tms.CourseTemplate;
import clinic.threshold.domain.tms.CourseType;
import clinic.threshold.domain.tms.Device;
import clinic.threshold.domain.tms.MtMethod;
import clinic.threshold.domain.tms.MtReading;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.domain.tms.ScreeningItem;
import clinic.threshold.domain.tms.ScreeningSeverity;
import clinic.threshold.domain.tms.ScreeningStatus;
import clinic.threshold.domain.user.Role;
import clinic.threshold.testing.TestClinic;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Administrators edit protocols, devices and rule versions; running courses keep what they started with. */
class TmsReferenceServiceIT {
    @TempDir
    Path dir;

    static Protocol withPulsesAndTaper(Protocol p, int pulses, List<Integer> taper, int min) {
        CourseTemplate t = p.template();
        return new Protocol(p.code(), p.name(), p.frequencyHz(), p.intensityPctMt(), min, p.maxPctMt(), pulses,
                p.trainOnSeconds(), p.trainOffSeconds(), p.trains(), p.stimulationMinutes(), p.slotMinutes(),
                p.firstSlotMinutes(), new CourseTemplate(t.acuteSessions(), t.sessionsPerWeek(), t.sessionsPerDay(),
                        t.minIntervalMinutes(), taper), p.assessmentScale(), p.assessEveryDays(), p.offLabel(), p.active(),
                Confidence.CONFIRMED, "clinic protocol review 2026-11", p.version());
    }

    @Test
    void anEditedProtocolAppliesToNewCoursesOnly() {
        try (var c = TestClinic.open(dir)) {
            long p = c.patients().create(TestClinic.person("Ref", "Data", LocalDate.of(1970, 1, 1), null)).id();
            c.tms().screen(p, LocalDate.of(2026, 11, 20), TmsServiceIT.answers(c));
            // Started on the Monday before today, so that a session can be recorded on it today.
            CourseRequest r = new CourseRequest("TENHZ", CourseType.INITIAL, LocalDate.of(2026, 11, 23), "MDD", 36,
                    Authorization.NONE);
            c.tms().startCourse(p, r);
            Protocol tenHz = c.tmsReference().load().protocols().stream().filter(x -> x.code().equals("TENHZ")).findFirst()
                    .orElseThrow();
            assertEquals(80, tenHz.minPctMt(), "the seeded range starts at 80% MT");
            c.tmsReference().saveProtocol(withPulsesAndTaper(tenHz, 3600, List.of(2, 2), 110), false);
            Protocol saved = c.tmsReference().load().protocols().stream().filter(x -> x.code().equals("TENHZ")).findFirst()
                    .orElseThrow();
            assertEquals(3600, saved.pulses());
            assertEquals(List.of(2, 2), saved.template().taperPattern());
            var course = c.tms().overview(p).active();
            assertEquals(3000, course.course().pulses(), "the running course keeps its pulses");
            assertEquals(List.of(3, 2, 1), course.course().template().taperPattern(), "and its taper");
            assertEquals(80, course.course().terms().minPctMt(), "and its range of % MT");
            var atHundred = TmsServiceIT.session(TestClinic.TODAY, new MtReading(60, MtMethod.EMG, null), 100);
            assertEquals(1, c.tms().recordSession(p, course.course().id(), atHundred).number(),
                    "100% MT is inside the range the running course started with");

            long other = c.patients().create(TestClinic.person("New", "Range", LocalDate.of(1971, 1, 1), null)).id();
            c.tms().screen(other, LocalDate.of(2026, 11, 20), TmsServiceIT.answers(c));
            long newCourse = c.tms().startCourse(other, r);
            ValidationException narrowed = assertThrows(ValidationException.class,
                    () -> c.tms().recordSession(other, newCourse, atHundred));
            assertEquals(List.of("pctMt:tms.error.pctMtRange", "pulsesPlanned:tms.error.pulsesPlannedDiffer"),
                    narrowed.violations().stream().map(v -> v.field() + ":" + v.messageKey()).toList(),
                    "a course started after the edit uses 110 to 120% MT, and plans its 3,600 pulses");
            assertEquals(110, narrowed.violations().get(0).args().get(0));
            var plan = c.tms().preview(p, r).plan();
            assertEquals(4, plan.stream().filter(x -> x.phase() == clinic.threshold.domain.tms.SessionPhase.TAPER).count(),
                    "a new course of 36 gets the new taper of 2 and 2 ...");
            assertEquals(2, plan.stream().filter(x -> x.phase() == clinic.threshold.domain.tms.SessionPhase.EXTENSION)
                    .count(), "... and the two sessions beyond its standard 34 as an extension");

            assertThrows(clinic.threshold.domain.common.ConcurrentEditException.class, () -> c.tmsReference()
                    .saveProtocol(withPulsesAndTaper(tenHz, 3000, List.of(3, 2, 1), tenHz.minPctMt()), false),
                    "a save from a copy read before the last change is refused, not silently applied");
        }
    }

    @Test
    void badProtocolsDevicesAndRulesAreRefusedWithTheirField() {
        try (var c = TestClinic.open(dir)) {
            Protocol tenHz = c.tmsReference().load().protocols().stream().filter(x -> x.code().equals("TENHZ")).findFirst()
                    .orElseThrow();
            ValidationException e = assertThrows(ValidationException.class,
                    () -> c.tmsReference().saveProtocol(withPulsesAndTaper(tenHz, 0, List.of(3), 130), false));
            assertEquals(List.of("intensityPctMt:reference.error.pctOrder", "pulses:reference.error.notPositive"),
                    e.violations().stream().map(v -> v.field() + ":" + v.messageKey()).toList());
            assertEquals("reference.error.codeTaken", assertThrows(ValidationException.class,
                    () -> c.tmsReference().saveProtocol(tenHz, true)).violations().get(0).messageKey());

            c.tmsReference().saveDevice(new Device("NS1", "NeuroStar chair 1", "Figure-8", 90, true, Confidence.CONFIRMED,
                    "device manual, clinic limit"), true, 0);
            assertTrue(c.tms().reference().device("NS1").isPresent());
            assertEquals("reference.error.range", assertThrows(ValidationException.class, () -> c.tmsReference().saveDevice(
                    new Device("NS2", "x", "Figure-8", 120, true, Confidence.CONFIRMED, "s"), true, 0))
                    .violations().get(0).messageKey());

            LocalDate from = LocalDate.of(2027, 1, 1);
            assertEquals("reference.error.notPositive", assertThrows(ValidationException.class, () -> c.tmsReference()
                    .addTmsRuleVersion(new RuleSetting("mt.everyDays", "0", Confidence.DESIGN, "s", from)))
                    .violations().get(0).messageKey());
            assertEquals("reference.error.unknownRule", assertThrows(ValidationException.class, () -> c.tmsReference()
                    .addTmsRuleVersion(new RuleSetting("mt.weekly", "5", Confidence.DESIGN, "s", from)))
                    .violations().get(0).messageKey());
            c.tmsReference().addTmsRuleVersion(new RuleSetting("mt.everyDays", "5", Confidence.SECONDARY,
                    "every 5th session (OPT-TMS)", from));
            assertEquals(7, c.tms().reference().rules().mtEveryDays(), "not in force yet");
            c.tmsReference().addOutcomeRuleVersion(new RuleSetting("schedule.graceDays", "3", Confidence.DESIGN,
                    "clinic choice", LocalDate.of(2026, 1, 1)));
            assertTrue(c.tmsReference().load().outcomeRules().stream().anyMatch(x -> x.key().equals("schedule.graceDays")
                    && x.value().equals("3")));
            assertEquals("reference.error.badRuleValue", assertThrows(ValidationException.class, () -> c.tmsReference()
                    .addOutcomeRuleVersion(new RuleSetting("partialResponse.minReductionPct", "60", Confidence.DESIGN, "s",
                            LocalDate.of(2026, 2, 1)))).violations().get(0).messageKey(), "partial above response");
            // The default course scale is reference data: a known scale only, and a new protocol's form starts with it.
            assertEquals("PHQ9", c.tmsReference().load().defaultScale());
            assertEquals("reference.error.unknownScale", assertThrows(ValidationException.class, () -> c.tmsReference()
                    .addOutcomeRuleVersion(new RuleSetting("course.defaultScale", "PHQ-9", Confidence.DESIGN, "s",
                            LocalDate.of(2026, 1, 1)))).violations().get(0).messageKey());
            c.tmsReference().addOutcomeRuleVersion(new RuleSetting("course.defaultScale", "QIDSSR16", Confidence.DESIGN,
                    "clinic choice", LocalDate.of(2026, 1, 1)));
            assertEquals("QIDSSR16", c.tmsReference().load().defaultScale());
        }
    }

    @Test
    void aNewScreeningFormVersionAppliesToNewScreeningsWhileOldOnesKeepTheirOwn() {
        try (var c = TestClinic.open(dir)) {
            long p = c.patients().create(TestClinic.person("Form", "Review", LocalDate.of(1972, 2, 2), null)).id();
            // A yes to item 6, a physician-review item on version 1: the screening waits for a clearance.
            c.tms().screen(p, LocalDate.of(2026, 11, 20), TmsServiceIT.answers(c, 6));
            assertEquals(ScreeningStatus.NEEDS_CLEARANCE, c.tms().overview(p).screening().status());
            int before = c.tms().reference().screeningFormVersion();
            List<ScreeningItem> form = new ArrayList<>(c.tms().reference().screeningForm());
            ScreeningItem headaches = form.stream().filter(i -> i.number() == 18).findFirst().orElseThrow();
            form.replaceAll(i -> i.number() == 6 ? new ScreeningItem(6, "Epilepsy, or any seizure or convulsion ever",
                    ScreeningSeverity.ABSOLUTE, Confidence.CONFIRMED, "reviewed by Dr Osei, 2026-11-28") : i);
            form.remove(headaches);
            form.add(new ScreeningItem(20, "Recent sleep deprivation", ScreeningSeverity.INFO, Confidence.CONFIRMED,
                    "reviewed by Dr Osei, 2026-11-28"));

            List<ScreeningItem> noSource = new ArrayList<>(form);
            noSource.set(noSource.size() - 1, new ScreeningItem(20, "Recent sleep deprivation", ScreeningSeverity.INFO,
                    Confidence.CONFIRMED, " "));
            assertEquals(List.of("item20:reference.error.itemSourceRequired"), assertThrows(ValidationException.class,
                    () -> c.tmsReference().saveScreeningForm(before, noSource)).violations().stream()
                    .map(v -> v.field() + ":" + v.messageKey()).toList());
            assertEquals("reference.error.formUnchanged", assertThrows(ValidationException.class, () -> c.tmsReference()
                    .saveScreeningForm(before, c.tms().reference().screeningForm())).violations().get(0).messageKey());
            assertEquals(before, c.tms().reference().screeningFormVersion(), "nothing saved by a refused version");

            int version = c.tmsReference().saveScreeningForm(before, form);
            assertEquals(before + 1, version);
            assertThrows(clinic.threshold.domain.common.ConcurrentEditException.class,
                    () -> c.tmsReference().saveScreeningForm(before, form), "a save from an older version is refused");
            var ref = c.tms().reference();
            assertEquals(version, ref.screeningFormVersion());
            assertEquals("Epilepsy, or any seizure or convulsion ever", ref.screeningForm().stream().filter(i -> i.number() == 6)
                    .findFirst().orElseThrow().text());
            assertTrue(ref.screeningForm().stream().noneMatch(i -> i.number() == 18), "item 18 retired");

            var overview = c.tms().overview(p);
            var old = overview.screening().latest();
            assertEquals(before, old.formVersion(), "the earlier screening keeps its version");
            assertEquals(ScreeningStatus.NEEDS_CLEARANCE, overview.screening().status(),
                    "and is judged on its own items (item 6 is absolute only on the new version)");
            assertEquals(version, overview.formVersion(), "a new screening is offered the new version");
            assertEquals(ScreeningSeverity.ABSOLUTE, overview.form().stream().filter(i -> i.number() == 6).findFirst()
                    .orElseThrow().severity());
            ScreeningItem asAnswered = overview.latestForm().stream().filter(i -> i.number() == 6).findFirst().orElseThrow();
            assertEquals(ScreeningSeverity.PHYSICIAN_REVIEW, asAnswered.severity(),
                    "the clearance reads the latest screening's own form");
            assertEquals("Epilepsy, a convulsion or a seizure ever", asAnswered.text());

            assertEquals(List.of("form:tms.error.formChanged"), assertThrows(ValidationException.class,
                    () -> c.tms().screen(p, before, TestClinic.TODAY, TmsServiceIT.answers(c))).violations().stream()
                    .map(v -> v.field() + ":" + v.messageKey()).toList(),
                    "answers given on the old wording are not saved as answers to the new one");
            assertEquals(before, c.tms().overview(p).screening().latest().formVersion(), "nothing saved");
            c.tms().screen(p, version, TestClinic.TODAY, TmsServiceIT.answers(c));
            assertEquals(version, c.tms().overview(p).screening().latest().formVersion());
            List<String> trace = new ArrayList<>();
            TestClinic.sqlQuery(dir, "SELECT detail FROM audit_event WHERE action = 'reference.tms.screening'", trace::add);
            assertEquals(List.of("screening form version " + version + " from " + before + ": added 20; retired 18; changed 6"),
                    trace);
        }
    }

    @Test
    void theItemsThePreSessionCheckReliesOnCannotBeRetired() {
        try (var c = TestClinic.open(dir)) {
            int before = c.tms().reference().screeningFormVersion();
            List<ScreeningItem> form = c.tms().reference().screeningForm();
            List<ScreeningItem> noPregnancyItem = form.stream().filter(i -> i.number() != 11).toList();
            ValidationException refused = assertThrows(ValidationException.class,
                    () -> c.tmsReference().saveScreeningForm(before, noPregnancyItem));
            assertEquals(List.of("item11:reference.error.itemRescreenTopic"), refused.violations().stream()
                    .map(v -> v.field() + ":" + v.messageKey()).toList(), "a re-screen for a possible pregnancy asks item 11");
            assertEquals(before, c.tms().reference().screeningFormVersion(), "nothing saved");

            List<ScreeningItem> reworded = new ArrayList<>(form);
            reworded.replaceAll(i -> i.number() == 11 ? new ScreeningItem(11, "Pregnant, possibly pregnant, or trying",
                    i.severity(), Confidence.CONFIRMED, "reviewed by Dr Osei, 2026-11-28") : i);
            int version = c.tmsReference().saveScreeningForm(before, reworded);
            List<ScreeningItem> noPacemakerItem = reworded.stream().filter(i -> i.number() != 12).toList();
            assertEquals(List.of("item12:reference.error.itemRescreenTopic"), assertThrows(ValidationException.class,
                    () -> c.tmsReference().saveScreeningForm(version, noPacemakerItem)).violations().stream()
                    .map(v -> v.field() + ":" + v.messageKey()).toList(), "the marks carry to the new version");
        }
    }

    @Test
    void twoSavesFromTheSameVersionAtOnceGiveOneVersionAndOneRefusal() throws Exception {
        try (var c = TestClinic.open(dir)) {
            int before = c.tms().reference().screeningFormVersion();
            List<ScreeningItem> form = new ArrayList<>(c.tms().reference().screeningForm());
            form.add(new ScreeningItem(20, "Recent sleep deprivation", ScreeningSeverity.INFO, Confidence.CONFIRMED,
                    "reviewed by Dr Osei, 2026-11-28"));
            var start = new java.util.concurrent.CyclicBarrier(2);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<Integer>> saves = new ArrayList<>();
                for (int n = 0; n < 2; n++) {
                    saves.add(pool.submit(() -> {
                        start.await();
                        return c.tmsReference().saveScreeningForm(before, form);
                    }));
                }
                List<String> outcomes = new ArrayList<>();
                for (var f : saves) {
                    try {
                        outcomes.add("saved " + f.get());
                    } catch (java.util.concurrent.ExecutionException e) {
                        outcomes.add(e.getCause().getClass().getSimpleName());
                    }
                }
                outcomes.sort(null);
                assertEquals(List.of("ConcurrentEditException", "saved " + (before + 1)), outcomes,
                        "the second save is refused as stale, not failed on a duplicate key");
            } finally {
                pool.shutdownNow();
            }
            assertEquals(before + 1, c.tms().reference().screeningFormVersion());
        }
    }

    @Test
    void cliniciansReadButDoNotEdit() {
        try (var c = TestClinic.open(dir)) {
            TestClinic.addUser(c, c.context(), "doc", Set.of(Role.CLINICIAN));
        }
        try (var doc = TestClinic.signIn(dir, "doc", TestClinic.PASSWORD)) {
            Protocol any = doc.tmsReference().load().protocols().get(0);
            assertThrows(AccessDeniedException.class, () -> doc.tmsReference().saveProtocol(any, false));
            var ref = doc.tms().reference();
            assertThrows(AccessDeniedException.class, () -> doc.tmsReference().saveScreeningForm(ref.screeningFormVersion(),
                    ref.screeningForm()), "nor the screening form");
        }
    }
}
