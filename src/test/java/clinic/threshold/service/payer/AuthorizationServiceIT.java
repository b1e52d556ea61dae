package clinic.threshold.service.payer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.common.ConcurrentEditException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.payer.AuthKind;
import clinic.threshold.domain.payer.AuthStatus;
import clinic.threshold.domain.payer.AuthorizationRow;
import clinic.threshold.domain.payer.StatusChange;
import clinic.threshold.domain.payer.UnitCountdown;
import clinic.threshold.domain.tms.Authorization;
import clinic.threshold.testing.AuthorizationFixture;
import clinic.threshold.testing.TestClinic;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A request from draft to approval and on; units counted from the course; the course takes the approval. */
class AuthorizationServiceIT {
    static final LocalDate TODAY = TestClinic.TODAY;

    @TempDir
    Path dir;

    static StatusChange to(AuthStatus s, LocalDate on) {
        return new StatusChange(s, on, null, null, null, null, null, null);
    }

    @Test
    void aDraftIsFilledFromThePatientsPayerPolicyAndProtocol() {
        try (var c = TestClinic.open(dir)) {
            var p = AuthorizationFixture.readyPatient(c, "Ada", "Draft");
            long id = c.authorizations().create(p.id(), new AuthorizationService.Draft(AuthKind.INITIAL, null, null, null, null, null));
            AuthorizationRow row = c.authorizations().ofPatient(p.id()).get(0);
            assertEquals(id, row.request().id());
            assertEquals(AuthStatus.DRAFT, row.request().status());
            assertEquals("Centene / Ambetter", row.request().payer());
            assertEquals("CENTENE_CP_BH_200", row.request().policyCode());
            assertEquals(c.tms().reference().protocols().stream().filter(x -> x.active() && !x.offLabel()).findFirst().orElseThrow().code(),
                    row.request().protocolCode(), "a clinic without courses yet starts from its first standard protocol");
            assertEquals(36, row.request().requestedSessions(), "the policy's 36 sessions");
            assertEquals(TestClinic.TESTER, row.request().clinician(), "the tester may start courses");
            assertEquals(List.of(AuthStatus.DRAFT), c.authorizations().history(id).stream().map(e -> e.status()).toList());
        }
    }

    @Test
    void anApprovalCoversTheCourseAndItsUnitsCountDownWithAlerts() {
        try (var c = TestClinic.open(dir)) {
            var p = AuthorizationFixture.readyPatient(c, "Una", "Units");
            LocalDate start = TODAY.minusWeeks(5).with(java.time.DayOfWeek.MONDAY);
            long course = AuthorizationFixture.courseWithSessions(c, p.id(), start, TODAY.minusDays(1));
            long id = c.authorizations().create(p.id(), new AuthorizationService.Draft(AuthKind.INITIAL, course, null, null, null, null));
            c.authorizations().changeStatus(id, 0, to(AuthStatus.SUBMITTED, start.minusDays(10)));

            var bad = assertThrows(ValidationException.class, () -> c.authorizations().changeStatus(id, 1,
                    new StatusChange(AuthStatus.APPROVED, start.minusDays(5), "", null, null, null, null, null)));
            assertEquals(List.of("auth.error.numberRequired", "auth.error.unitsRequired", "auth.error.windowRequired"),
                    bad.violations().stream().map(Violation::messageKey).toList());

            c.authorizations().changeStatus(id, 1, new StatusChange(AuthStatus.APPROVED, start.minusDays(5), "CEN-7781", 30,
                    start, TODAY.plusDays(5), null, null));
            Authorization onCourse = c.tms().overview(p.id()).courses().get(0).course().authorization();
            assertEquals(new Authorization("Centene / Ambetter", "CEN-7781", 30, start, TODAY.plusDays(5)), onCourse);

            AuthorizationRow row = c.authorizations().pipeline().get(0);
            int given = c.tms().overview(p.id()).courses().get(0).progress().delivered();
            assertEquals(given, row.countdown().used());
            assertEquals(30 - given, row.countdown().left());
            assertEquals(5L, row.countdown().daysLeft());
            List<UnitCountdown.AlertKind> kinds = row.countdown().alerts().stream().map(UnitCountdown.Alert::kind).toList();
            assertTrue(kinds.contains(UnitCountdown.AlertKind.WINDOW_ENDING), kinds.toString());
            assertTrue(kinds.contains(UnitCountdown.AlertKind.UNITS_LOW), kinds.toString());
            assertTrue(kinds.contains(UnitCountdown.AlertKind.PLAN_PASSES_WINDOW), "36 planned sessions do not fit: " + kinds);
            assertEquals(5L, row.request().daysWaiting(TODAY), "submitted to approved");
        }
    }

    @Test
    void aDenialCarriesItsReasonAndCanBeAppealedAndStaleEditsAreRefused() {
        try (var c = TestClinic.open(dir)) {
            var p = AuthorizationFixture.readyPatient(c, "Dee", "Nied");
            long id = c.authorizations().create(p.id(), new AuthorizationService.Draft(AuthKind.INITIAL, null, null, null, null, null));
            c.authorizations().changeStatus(id, 0, to(AuthStatus.SUBMITTED, TODAY.minusDays(6)));
            var noReason = assertThrows(ValidationException.class,
                    () -> c.authorizations().changeStatus(id, 1, to(AuthStatus.DENIED, TODAY.minusDays(2))));
            assertEquals("auth.error.reasonRequired.DENIED", noReason.violations().get(0).messageKey());
            c.authorizations().changeStatus(id, 1, new StatusChange(AuthStatus.DENIED, TODAY.minusDays(2), null, null, null, null,
                    "only one class of antidepressant documented", null));
            assertThrows(ConcurrentEditException.class,
                    () -> c.authorizations().changeStatus(id, 1, to(AuthStatus.APPEAL, TODAY)));
            c.authorizations().changeStatus(id, 2, new StatusChange(AuthStatus.APPEAL, TODAY, null, null, null, null,
                    "second class documented (venlafaxine)", null));
            var r = c.authorizations().ofPatient(p.id()).get(0).request();
            assertEquals(AuthStatus.APPEAL, r.status());
            assertEquals("only one class of antidepressant documented", r.denialReason());
            assertEquals(TODAY.minusDays(2), r.decidedOn());
            assertEquals(List.of(AuthStatus.DRAFT, AuthStatus.SUBMITTED, AuthStatus.DENIED, AuthStatus.APPEAL),
                    c.authorizations().history(id).stream().map(e -> e.status()).toList());
        }
    }

    @Test
    void aVoidedRequestLeavesThePipelineButStaysOnRecord() {
        try (var c = TestClinic.open(dir)) {
            var p = AuthorizationFixture.readyPatient(c, "Vo", "Ided");
            long id = c.authorizations().create(p.id(), new AuthorizationService.Draft(AuthKind.INITIAL, null, null, null, null, null));
            assertThrows(ValidationException.class, () -> c.authorizations().voidRequest(id, 0, " "));
            c.authorizations().voidRequest(id, 0, "entered for the wrong patient");
            assertTrue(c.authorizations().pipeline().isEmpty());
            assertEquals(List.of(AuthStatus.DRAFT), c.authorizations().history(id).stream().map(e -> e.status()).toList(),
                    "its history is still there");
        }
    }

    @Test
    void thePipelineKeepsOpenAndCurrentRequestsAndLeavesLongFinishedOnesToTheChart() {
        try (var c = TestClinic.open(dir)) {
            var p = AuthorizationFixture.readyPatient(c, "Old", "Requests");
            long open = c.authorizations().create(p.id(), new AuthorizationService.Draft(AuthKind.INITIAL, null, null, null, null, null));
            long ended = c.authorizations().create(p.id(), new AuthorizationService.Draft(AuthKind.INITIAL, null, null, null, null, null));
            long recent = c.authorizations().create(p.id(), new AuthorizationService.Draft(AuthKind.INITIAL, null, null, null, null, null));
            long running = c.authorizations().create(p.id(), new AuthorizationService.Draft(AuthKind.INITIAL, null, null, null, null, null));
            // Behind the services' back: an approval that ran out two months ago, decided half a year ago; a denial last
            // month; an approval decided long ago whose window still runs.
            TestClinic.sql(dir, "UPDATE prior_authorization SET status = 'APPROVED', decided_on = DATE '" + TODAY.minusMonths(6)
                            + "', window_first = DATE '" + TODAY.minusMonths(6) + "', window_last = DATE '" + TODAY.minusDays(31)
                            + "' WHERE id = " + ended,
                    "UPDATE prior_authorization SET status = 'DENIED', decided_on = DATE '" + TODAY.minusDays(30) + "' WHERE id = " + recent,
                    "UPDATE prior_authorization SET status = 'APPROVED', decided_on = DATE '" + TODAY.minusMonths(6)
                            + "', window_first = DATE '" + TODAY.minusMonths(6) + "', window_last = DATE '" + TODAY.minusDays(30)
                            + "' WHERE id = " + running);
            assertEquals(java.util.Set.of(open, recent, running), c.authorizations().pipeline().stream().map(r -> r.request().id())
                    .collect(java.util.stream.Collectors.toSet()), "an approval ended 31 days ago and decided months ago has left");
            assertEquals(4, c.authorizations().ofPatient(p.id()).size(), "the chart keeps every request");
        }
    }

    @Test
    void aPatientWithoutAPayerCannotHaveARequest() {
        try (var c = TestClinic.open(dir)) {
            long id = c.patients().create(TestClinic.person("No", "Payer", LocalDate.of(1970, 1, 1), null)).id();
            var e = assertThrows(ValidationException.class, () -> c.authorizations().create(id,
                    new AuthorizationService.Draft(AuthKind.INITIAL, null, null, null, null, null)));
            assertEquals("auth.error.noPayer", e.violations().get(0).messageKey());
            assertNull(c.authorizations().ofPatient(id).stream().findFirst().orElse(null));
        }
    }

    @Test
    void anExtensionAddsToTheCourseAndALaterLinkedApprovalCoversItsCourse() {
        try (var c = TestClinic.open(dir)) {
            var p = AuthorizationFixture.readyPatient(c, "Ext", "Ended");
            long first = c.authorizations().create(p.id(), new AuthorizationService.Draft(AuthKind.INITIAL, null, null, null, null, null));
            c.authorizations().changeStatus(first, 0, to(AuthStatus.SUBMITTED, TODAY.minusDays(40)));
            LocalDate start = TODAY.minusWeeks(5).with(java.time.DayOfWeek.MONDAY);
            c.authorizations().changeStatus(first, 1, new StatusChange(AuthStatus.APPROVED, TODAY.minusDays(38), "CEN-1", 36, start,
                    start.plusWeeks(9), null, null));
            long course = AuthorizationFixture.courseWithSessions(c, p.id(), start, TODAY.minusDays(1));
            assertEquals(Authorization.NONE, c.tms().overview(p.id()).courses().get(0).course().authorization(),
                    "the approval came before the course");

            var row = c.authorizations().ofPatient(p.id()).get(0).request();
            c.authorizations().update(first, row.version(), new AuthorizationService.Draft(AuthKind.INITIAL, course, row.protocolCode(),
                    row.requestedSessions(), row.clinician(), null), "letter of medical necessity, PHQ-9 sheet");
            assertEquals(new Authorization("Centene / Ambetter", "CEN-1", 36, start, start.plusWeeks(9)),
                    c.tms().overview(p.id()).courses().get(0).course().authorization(), "linking the course writes the approval on it");
            var refused = assertThrows(ValidationException.class, () -> c.authorizations().voidRequest(first,
                    c.authorizations().ofPatient(p.id()).get(0).request().version(), "entered twice"));
            assertEquals("auth.error.voidApproved", refused.violations().get(0).messageKey(), "an approval on a course is not voided");

            long ext = c.authorizations().create(p.id(), new AuthorizationService.Draft(AuthKind.EXTENSION, course, null, 10, null, null));
            c.authorizations().changeStatus(ext, 0, to(AuthStatus.SUBMITTED, TODAY.minusDays(2)));
            c.authorizations().changeStatus(ext, 1, new StatusChange(AuthStatus.APPROVED, TODAY, "CEN-2", 10, start.plusWeeks(9),
                    start.plusWeeks(12), null, null));
            assertEquals(new Authorization("Centene / Ambetter", "CEN-2", 46, start, start.plusWeeks(12)),
                    c.tms().overview(p.id()).courses().get(0).course().authorization(), "36 + 10 units over both windows");
            var rows = c.authorizations().ofPatient(p.id());
            var initialRow = rows.stream().filter(r -> r.request().id() == first).findFirst().orElseThrow();
            assertTrue(initialRow.countdown().alerts().isEmpty(), "the extension took over from the first approval");
        }
    }
}
