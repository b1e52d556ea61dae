package clinic.threshold.service.demo;

import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.payer.AuthKind;
import clinic.threshold.domain.payer.AuthStatus;
import clinic.threshold.domain.payer.StatusChange;
import clinic.threshold.domain.tms.CourseStatus;
import clinic.threshold.domain.tms.CourseView;
import clinic.threshold.service.payer.AuthorizationService;
import clinic.threshold.service.payer.LetterService;
import clinic.threshold.service.tms.TmsService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Prior-authorization requests for the demo clinic in every status: approvals covering the running courses (one close to
 * its window's end), an expired one for a finished course, and for patients in intake a draft (with its letter), a
 * submitted request, one waiting on information, a denial and an appeal.
 */
public final class DemoAuthorizationSeeder {
    private final AuthorizationService authorizations;
    private final LetterService letters;
    private final TmsService tms;
    private final Clock clock;

    public DemoAuthorizationSeeder(AuthorizationService authorizations, LetterService letters, TmsService tms, Clock clock) {
        this.authorizations = authorizations;
        this.letters = letters;
        this.tms = tms;
        this.clock = clock;
    }

    /** Seeds the requests and returns how many were made; patients without a payer are left alone. */
    public int seed(List<Long> patients) {
        LocalDate today = LocalDate.now(clock);
        List<CourseView> running = new ArrayList<>();
        List<CourseView> finished = new ArrayList<>();
        List<Long> intake = new ArrayList<>();
        for (long id : patients) {
            List<CourseView> courses = tms.overview(id).courses();
            CourseView active = courses.stream().filter(c -> c.course().status() == CourseStatus.ACTIVE).findFirst().orElse(null);
            if (active != null && active.progress().delivered() > 0) {
                running.add(active);
            } else if (!courses.isEmpty()) {
                finished.add(courses.get(courses.size() - 1));
            } else {
                intake.add(id);
            }
        }
        int made = 0;
        for (int i = 0; i < running.size(); i++) {
            CourseView c = running.get(i);
            // The first running course's approval ends within the week and is short of units: the alerts to show.
            LocalDate last = i == 0 ? today.plusDays(4) : c.course().start().plusWeeks(9);
            int units = i == 0 ? c.progress().delivered() + 3 : 36;
            made += approved(c, c.course().start().minusDays(12), last, units) ? 1 : 0;
        }
        if (!finished.isEmpty()) {
            CourseView c = finished.get(0);
            Long id = request(c.course().patientId(), c.course().id(), AuthKind.INITIAL);
            if (id != null) {
                LocalDate start = c.course().start();
                move(id, 0, new StatusChange(AuthStatus.SUBMITTED, start.minusDays(14), null, null, null, null, null, null));
                move(id, 1, new StatusChange(AuthStatus.APPROVED, start.minusDays(9), "DEMO-" + id, 36, start, start.plusWeeks(8), null,
                        null));
                LocalDate ended = start.plusWeeks(8).plusDays(1);
                move(id, 2, new StatusChange(AuthStatus.EXPIRED, ended.isAfter(today) ? today : ended, null, null, null, null, null, null));
                made++;
            }
        }
        List<AuthStatus> wanted = List.of(AuthStatus.DRAFT, AuthStatus.SUBMITTED, AuthStatus.PENDING_INFO, AuthStatus.DENIED,
                AuthStatus.APPEAL);
        int w = 0;
        for (long patient : intake) {
            if (w == wanted.size()) {
                break;
            }
            Long id = request(patient, null, AuthKind.INITIAL);
            if (id == null) {
                continue;
            }
            made++;
            AuthStatus target = wanted.get(w++);
            if (target == AuthStatus.DRAFT) {
                letter(id);
                continue;
            }
            LocalDate sent = today.minusDays(3L + w * 4L);
            move(id, 0, new StatusChange(AuthStatus.SUBMITTED, sent, null, null, null, null, null, null));
            switch (target) {
                case PENDING_INFO -> move(id, 1, new StatusChange(AuthStatus.PENDING_INFO, sent.plusDays(3), null, null, null, null,
                        "payer asks for the PHQ-9 at baseline and the psychotherapy notes", null));
                case DENIED -> move(id, 1, new StatusChange(AuthStatus.DENIED, sent.plusDays(5), null, null, null, null,
                        "fewer than 2 failed antidepressant trials of adequate dose and duration documented", null));
                case APPEAL -> {
                    move(id, 1, new StatusChange(AuthStatus.DENIED, sent.plusDays(4), null, null, null, null,
                            "psychotherapy trial not documented", null));
                    move(id, 2, new StatusChange(AuthStatus.APPEAL, sent.plusDays(7), null, null, null, null,
                            "CBT, 16 sessions, notes attached", null));
                }
                default -> {
                    // submitted: waiting for the payer
                }
            }
        }
        return made;
    }

    private boolean approved(CourseView c, LocalDate submitted, LocalDate last, int units) {
        Long id = request(c.course().patientId(), c.course().id(), AuthKind.INITIAL);
        if (id == null) {
            return false;
        }
        move(id, 0, new StatusChange(AuthStatus.SUBMITTED, submitted, null, null, null, null, null, null));
        move(id, 1, new StatusChange(AuthStatus.APPROVED, submitted.plusDays(4), "DEMO-" + id, units, c.course().start(), last, null,
                null));
        return true;
    }

    private Long request(long patient, Long course, AuthKind kind) {
        try {
            return authorizations.create(patient, new AuthorizationService.Draft(kind, course, null, null, null, null));
        } catch (ValidationException e) {
            return null; // self-pay patients (no payer) have nobody to ask
        }
    }

    private void move(long id, int version, StatusChange c) {
        authorizations.changeStatus(id, version, c);
    }

    private void letter(long id) {
        try {
            letters.generate(id);
        } catch (ValidationException e) {
            // The demo chart lacks something the letter needs: the request stays a draft without a letter.
        }
    }
}
