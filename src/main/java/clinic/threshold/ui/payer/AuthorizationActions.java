package clinic.threshold.ui.payer;

import clinic.threshold.domain.payer.AuthKind;
import clinic.threshold.domain.payer.LetterTemplate;
import clinic.threshold.domain.payer.StatusChange;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.i18n.Messages;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.service.payer.AuthorizationService;
import clinic.threshold.service.payer.LetterService;
import clinic.threshold.ui.common.PatientEvents;
import clinic.threshold.ui.common.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The request and letter commands the chart's Payer tab and the Authorizations screen share: each runs off the JavaFX
 * thread, tells the other views the patient changed, and reports in words (a refused letter lists what is missing).
 */
public final class AuthorizationActions {
    private final ClinicServices services;
    private final TaskExecutor executor;
    private final PatientEvents events;

    public AuthorizationActions(ClinicServices services, TaskExecutor executor, PatientEvents events) {
        this.services = services;
        this.executor = executor;
        this.events = events;
    }

    /** What the new-request form offers: the suggested draft, the clinicians and the protocols. */
    public record FormChoices(AuthorizationService.Draft suggested, List<AuthorizationService.Clinician> clinicians,
            List<Protocol> protocols, List<AuthorizationService.CourseChoice> courses) {
    }

    public boolean mayManage() {
        return may(clinic.threshold.domain.user.Permission.AUTHORIZATION_MANAGE);
    }

    public boolean mayWriteLetters() {
        return mayManage() && may(clinic.threshold.domain.user.Permission.CLINICAL_READ);
    }

    public boolean mayEditTemplates() {
        return may(clinic.threshold.domain.user.Permission.REFERENCE_EDIT);
    }

    private boolean may(String permission) {
        return services.session().current().map(s -> s.may(permission)).orElse(false);
    }

    public void choices(long patientId, AuthKind kind, Consumer<FormChoices> shown, Consumer<String> failed) {
        executor.run(() -> new FormChoices(services.authorizations().suggest(patientId, kind), services.authorizations().clinicians(),
                services.tms().reference().protocols().stream().filter(Protocol::active).toList(),
                services.authorizations().courses(patientId)), shown,
                e -> failed.accept(AuthorizationText.failure(e)));
    }

    public void create(long patientId, AuthorizationService.Draft d, Runnable done, Consumer<String> failed) {
        write(patientId, () -> services.authorizations().create(patientId, d), done, failed);
    }

    public void update(long patientId, long id, int version, AuthorizationService.Draft d, String documentsSent, Runnable done,
            Consumer<String> failed) {
        write(patientId, () -> {
            services.authorizations().update(id, version, d, documentsSent);
            return null;
        }, done, failed);
    }

    public void changeStatus(long patientId, long id, int version, StatusChange c, Runnable done, Consumer<String> failed) {
        write(patientId, () -> {
            services.authorizations().changeStatus(id, version, c);
            return null;
        }, done, failed);
    }

    public void voidRequest(long patientId, long id, int version, String reason, Runnable done, Consumer<String> failed) {
        write(patientId, () -> {
            services.authorizations().voidRequest(id, version, reason);
            return null;
        }, done, failed);
    }

    /**
     * Generates the request's letter and stores it with the request; only then asks where to save the PDF, so a letter
     * the chart cannot complete says what is missing before anyone picks a file.
     */
    public void letter(long patientId, long authorizationId, Function<String, Optional<Path>> chooseFile, Consumer<String> done,
            Consumer<String> failed) {
        saveLetter(patientId, () -> services.letters().generate(authorizationId), chooseFile, done, failed);
    }

    /** One click from intake: the letter of medical necessity for the patient's open request (or a new draft). */
    public void letterForPatient(long patientId, Function<String, Optional<Path>> chooseFile, Consumer<String> done,
            Consumer<String> failed) {
        saveLetter(patientId, () -> services.letters().forPatient(patientId), chooseFile, done, failed);
    }

    /** Saves a stored letter's PDF again, as it was made. */
    public void reprint(long letterId, Path file, Consumer<String> done, Consumer<String> failed) {
        executor.run(() -> {
            LetterService.Generated g = services.letters().pdf(letterId);
            Files.write(file, g.pdf());
            return g;
        }, g -> done.accept(Messages.get("letter.saved", file.getFileName())), e -> failed.accept(AuthorizationText.failure(e)));
    }

    /** A stored letter as the views name it: which one, and of what kind. */
    public record LetterRef(long id, AuthKind kind) {
    }

    /** The request's letters, newest first. */
    public void letters(long authorizationId, Consumer<List<LetterRef>> shown, Consumer<String> failed) {
        executor.run(() -> services.letters().letters(authorizationId).stream().map(l -> new LetterRef(l.id(), l.kind())).toList(),
                shown, e -> failed.accept(AuthorizationText.failure(e)));
    }

    public void templates(Consumer<List<LetterTemplate>> shown, Consumer<String> failed) {
        executor.run(() -> services.letters().templates(), shown, e -> failed.accept(AuthorizationText.failure(e)));
    }

    public void saveTemplate(AuthKind kind, String title, String body, Runnable done, Consumer<String> failed) {
        executor.run(() -> services.letters().saveTemplate(kind, title, body), v -> done.run(),
                e -> failed.accept(AuthorizationText.failure(e)));
    }

    /** The file name a request's letter is offered under. */
    public static String suggestedName(AuthKind kind, String mrn, java.time.LocalDate today) {
        return Messages.get("letter.fileName." + kind.name(), mrn, today.toString());
    }

    private void saveLetter(long patientId, java.util.concurrent.Callable<LetterService.Generated> make,
            Function<String, Optional<Path>> chooseFile, Consumer<String> done, Consumer<String> failed) {
        executor.run(make, g -> {
            events.changed(patientId);
            Optional<Path> file = chooseFile.apply(g.fileName());
            if (file.isEmpty()) {
                done.accept(Messages.get("letter.stored"));
                return;
            }
            executor.run(() -> Files.write(file.get(), g.pdf()), p -> done.accept(Messages.get("letter.saved", p.getFileName())),
                    e -> failed.accept(AuthorizationText.failure(e)));
        }, e -> failed.accept(AuthorizationText.failure(e)));
    }

    private <T> void write(long patientId, java.util.concurrent.Callable<T> work, Runnable done, Consumer<String> failed) {
        executor.run(work, r -> {
            events.changed(patientId);
            done.run();
        }, e -> failed.accept(AuthorizationText.failure(e)));
    }
}
