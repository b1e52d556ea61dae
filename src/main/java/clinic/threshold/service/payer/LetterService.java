package clinic.threshold.service.payer;

import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.payer.AuthorizationRepository;
import clinic.threshold.data.payer.LetterRepository;
import clinic.threshold.data.reference.ReferenceRepository;
import clinic.threshold.data.settings.SettingsRepository;
import clinic.threshold.domain.audit.AuditCategory;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.common.NotFoundException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.payer.AuthKind;
import clinic.threshold.domain.payer.AuthStatus;
import clinic.threshold.domain.payer.Letter;
import clinic.threshold.domain.payer.LetterTemplate;
import clinic.threshold.domain.payer.Placeholders;
import clinic.threshold.domain.payer.PriorAuthorization;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.export.LetterPdf;
import clinic.threshold.i18n.Messages;
import clinic.threshold.service.common.Guard;
import clinic.threshold.service.history.HistoryService;
import clinic.threshold.service.outcome.OutcomeService;
import clinic.threshold.service.tms.TmsService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * Letters to payers (issue 10): a letter of medical necessity, an extension request or a retreatment request, filled
 * from the chart through the administrators' templates. A letter is made whole or not at all: when the chart lacks
 * something the letter needs, the answer lists what is missing and nothing is stored or printed.
 */
public final class LetterService {
    private final Transactor tx;
    private final Clock clock;
    private final Guard guard;
    private final HistoryService history;
    private final OutcomeService outcomes;
    private final TmsService tms;
    private final AuthorizationService authorizations;

    public LetterService(Transactor tx, Clock clock, Guard guard, HistoryService history, OutcomeService outcomes, TmsService tms,
            AuthorizationService authorizations) {
        this.tx = tx;
        this.clock = clock;
        this.guard = guard;
        this.history = history;
        this.outcomes = outcomes;
        this.tms = tms;
        this.authorizations = authorizations;
    }

    /** A generated letter: stored under {@code letterId} with request {@code authorizationId}, and its PDF. */
    public record Generated(long letterId, long authorizationId, String fileName, byte[] pdf, String text) {
    }

    /** A stored letter's listing: kind, template version, when and by whom. */
    public record LetterInfo(long id, AuthKind kind, int templateVersion, java.time.Instant createdAt, String createdBy) {
    }

    public List<LetterTemplate> templates() {
        guard.signedIn();
        return tx.read(dsl -> new LetterRepository(dsl).current());
    }

    /** Stores a new version of a kind's template after checking every placeholder it names. */
    public int saveTemplate(AuthKind kind, String title, String body) {
        UserSession s = guard.require(Permission.REFERENCE_EDIT, "letter.template", null);
        LetterTemplate t = new LetterTemplate(kind, 0, title == null ? null : title.strip(), body);
        List<Violation> problems = kind == null ? List.of(Violation.of("kind", "validation.required")) : Placeholders.check(t);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return tx.inDurableTransaction(dsl -> {
            int v = new LetterRepository(dsl).addVersion(kind, t.title(), body, s.username(), clock.instant());
            guard.audit().append(dsl, s.actor(), new AuditEntry("letter.template", AuditCategory.ADMIN, null, "letter_template",
                    kind + "#" + v, AuditOutcome.SUCCESS, "template version " + v));
            return v;
        });
    }

    public List<LetterInfo> letters(long authorizationId) {
        guard.require(Permission.PATIENT_READ, "authorization.read", null);
        return tx.read(dsl -> new LetterRepository(dsl).of(authorizationId).stream()
                .map(l -> new LetterInfo(l.id(), l.kind(), l.templateVersion(), l.createdAt(), l.createdBy())).toList());
    }

    /** Generates the request's letter (its kind decides which), stores it with the request, and returns the PDF. */
    public Generated generate(long authorizationId) {
        guard.require(Permission.AUTHORIZATION_MANAGE, "letter.generate", null);
        PriorAuthorization a = tx.read(dsl -> new AuthorizationRepository(dsl).byId(authorizationId))
                .orElseThrow(() -> new NotFoundException("Authorization", authorizationId));
        guard.require(Permission.CLINICAL_READ, "letter.generate", a.patientId());
        Letter letter = compose(a);
        return store(a, letter);
    }

    /**
     * One click from the intake list: the letter for the patient's newest open request (a retreatment request gets the
     * retreatment letter), or a letter of medical necessity with a new draft request when there is none. The draft and
     * its letter are stored together, and only once the letter is complete.
     */
    public Generated forPatient(long patientId) {
        UserSession s = guard.require(Permission.AUTHORIZATION_MANAGE, "letter.generate", patientId);
        guard.require(Permission.CLINICAL_READ, "letter.generate", patientId);
        // Only the requests are needed here, not their unit countdowns (which track every course of the patient).
        PriorAuthorization open = tx.read(dsl -> new AuthorizationRepository(dsl).list(patientId)).stream()
                .filter(r -> r.status().open()).max(Comparator.comparing(PriorAuthorization::createdAt)).orElse(null);
        if (open != null) {
            return store(open, compose(open));
        }
        AuthorizationService.Draft d = authorizations.suggest(patientId, AuthKind.INITIAL);
        PriorAuthorization probe = tx.read(dsl -> {
            Patient p = AuthorizationService.requirePatient(dsl, patientId);
            var policy = AuthorizationService.policy(dsl, p, LocalDate.now(clock));
            return new PriorAuthorization(0, patientId, null, p.details().mrn(), d.courseId(), AuthKind.INITIAL,
                    AuthorizationService.payerName(dsl, p), policy == null ? null : policy.plan(), policy == null ? null : policy.code(),
                    d.protocolCode(), d.sessions(), d.clinician(), AuthStatus.DRAFT, null, null, null, null, null, null, null, null, null,
                    clock.instant(), null, 0);
        });
        Letter letter = compose(probe);
        PriorAuthorization created = tx.inDurableTransaction(dsl -> {
            long id = authorizations.createIn(dsl, s, patientId, d);
            PriorAuthorization a = new AuthorizationRepository(dsl).byId(id).orElseThrow();
            storeIn(dsl, s, a, letter);
            return a;
        });
        long letterId = tx.read(dsl -> new LetterRepository(dsl).of(created.id()).get(0).id());
        return new Generated(letterId, created.id(), fileName(created, letter), LetterPdf.render(letter, footer(created)),
                letter.plainText());
    }

    /** A stored letter's PDF, as it was generated. */
    public Generated pdf(long letterId) {
        LetterRepository.StoredLetter l = tx.read(dsl -> new LetterRepository(dsl).byId(letterId))
                .orElseThrow(() -> new NotFoundException("Letter", letterId));
        PriorAuthorization a = tx.read(dsl -> new AuthorizationRepository(dsl).byId(l.authorizationId()))
                .orElseThrow(() -> new NotFoundException("Authorization", l.authorizationId()));
        UserSession s = guard.require(Permission.CLINICAL_READ, "letter.print", a.patientId());
        Letter letter = LetterJson.read(l.content());
        tx.inTransaction(dsl -> {
            exportAudit(dsl, s, a, letterId, "letter printed");
            return null;
        });
        return new Generated(letterId, a.id(), fileName(a, letter), LetterPdf.render(letter, footer(a)), letter.plainText());
    }

    private Letter compose(PriorAuthorization a) {
        LocalDate today = LocalDate.now(clock);
        LetterFacts.Inputs in = tx.read(dsl -> {
            Patient p = AuthorizationService.requirePatient(dsl, a.patientId());
            String code = p.details().primaryDiagnosisCode();
            String diagnosis = code == null ? null : new ReferenceRepository(dsl).diagnosis(code)
                    .map(d -> d.code() + " " + d.description()).orElse(code);
            String clinician = a.clinician() == null ? null : AuthorizationService.clinicianNames(dsl).get(a.clinician());
            return new LetterFacts.Inputs(a, p, diagnosis, new SettingsRepository(dsl).get("clinic.name").orElse(null), clinician,
                    null, null, null, null, today);
        });
        in = new LetterFacts.Inputs(a, in.patient(), in.diagnosis(), in.clinic(), in.clinicianName(), history.overview(a.patientId()),
                outcomes.overview(a.patientId()), tms.overview(a.patientId()), tms.reference(), today);
        Map<String, Object> values = LetterFacts.of(in);
        LetterTemplate template = tx.read(dsl -> new LetterRepository(dsl).current(a.kind()))
                .orElseThrow(() -> new ValidationException(Violation.of("template", "letter.error.noTemplate", a.kind())));
        LetterComposer.Result r = LetterComposer.compose(template, values, today);
        if (r.letter() == null) {
            // Several placeholders can rest on one record (the signature and the clinician's name): name each record once.
            java.util.Map<String, Violation> byText = new java.util.LinkedHashMap<>();
            for (String name : r.missing()) {
                String what = Messages.get("letter.placeholder." + name);
                byText.putIfAbsent(what, Violation.of(name, "letter.error.missing", what));
            }
            throw new ValidationException(List.copyOf(byText.values()));
        }
        return r.letter();
    }

    private Generated store(PriorAuthorization a, Letter letter) {
        UserSession s = guard.signedIn();
        long id = tx.inDurableTransaction(dsl -> storeIn(dsl, s, a, letter));
        return new Generated(id, a.id(), fileName(a, letter), LetterPdf.render(letter, footer(a)), letter.plainText());
    }

    private long storeIn(DSLContext dsl, UserSession s, PriorAuthorization a, Letter letter) {
        long letterId = new LetterRepository(dsl).store(a.id(), letter.kind(), letter.templateVersion(), LetterJson.write(letter),
                s.username(), clock.instant());
        guard.audit().append(dsl, s.actor(), new AuditEntry("letter.generate", AuditCategory.PATIENT, a.patientId(),
                "authorization_letter", Long.toString(letterId), AuditOutcome.SUCCESS, letter.kind() + " letter for request " + a.id()));
        return letterId;
    }

    private void exportAudit(DSLContext dsl, UserSession s, PriorAuthorization a, long letterId, String detail) {
        guard.audit().append(dsl, s.actor(), new AuditEntry("letter.print", AuditCategory.EXPORT, a.patientId(), "authorization_letter",
                Long.toString(letterId), AuditOutcome.SUCCESS, detail));
    }

    private static String footer(PriorAuthorization a) {
        return Messages.get("letter.footerText", a.mrn(), a.payer());
    }

    private static String fileName(PriorAuthorization a, Letter l) {
        return Messages.get("letter.fileName." + l.kind().name(), a.mrn(), l.date().toString());
    }
}
