package clinic.threshold.service.patient;

import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.patient.MrnTakenException;
import clinic.threshold.data.patient.PatientRepository;
import clinic.threshold.data.settings.SettingsRepository;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.common.ConcurrentEditException;
import clinic.threshold.domain.common.NotFoundException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.patient.PatientChanges;
import clinic.threshold.domain.patient.PatientDetails;
import clinic.threshold.domain.patient.PatientField;
import clinic.threshold.domain.patient.PatientQuery;
import clinic.threshold.domain.patient.PatientStatus;
import clinic.threshold.domain.patient.PatientSummary;
import clinic.threshold.domain.patient.PatientValidator;
import clinic.threshold.domain.patient.PossibleDuplicate;
import clinic.threshold.domain.patient.Text;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.service.common.Guard;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Patient registry use cases. Each method checks its permission first, then runs as one transaction
 * that also writes its audit event: all of it is saved, or none of it. Opening a patient is audited
 * before the data is returned. Patients are never deleted; they are discharged, or voided with a reason.
 * Users without {@code clinical.read} get patients without diagnosis and notes, and their edits keep the
 * stored clinical fields.
 */
public final class PatientService {
    private static final String PATIENT = "Patient";
    static final String KEY_VERSION_SETTING = "patient.searchKeyVersion";

    private final Transactor tx;
    private final Clock clock;
    private final Guard guard;

    public PatientService(Transactor tx, Clock clock, Guard guard) {
        this.tx = tx;
        this.clock = clock;
        this.guard = guard;
    }

    /** Patients matching the query, at most {@code query.limit()} of them; voided patients never appear. */
    public List<PatientSummary> search(PatientQuery query) {
        guard.require(Permission.PATIENT_READ, "patient.search", null);
        return tx.read(dsl -> new PatientRepository(dsl).search(query));
    }

    /**
     * Opens a patient's record (audited as a read). Throws {@link NotFoundException} when there is none or
     * it is voided.
     */
    public Patient get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException(PATIENT, id));
    }

    /** Like {@link #get} but empty instead of an exception; a found patient is audited as read. */
    public Optional<Patient> find(long id) {
        UserSession s = guard.require(Permission.PATIENT_READ, "patient.read", id);
        return tx.inTransaction(dsl -> {
            Optional<Patient> p = new PatientRepository(dsl).findById(id).filter(x -> !x.voided());
            p.ifPresent(x -> guard.audit().append(dsl, s.actor(), AuditEntry.patient("patient.read", id, null)));
            return p.map(x -> visibleTo(s, x));
        });
    }

    /** Existing patients who may be the person described; shown as a warning before a new patient is saved. */
    public List<PossibleDuplicate> possibleDuplicates(PatientDetails details, Long exceptId) {
        guard.require(Permission.PATIENT_WRITE, "patient.duplicateCheck", exceptId);
        return tx.read(dsl -> new PatientRepository(dsl).findPossibleDuplicates(details, exceptId));
    }

    /**
     * Registers a new active patient. Generates the MRN when none is given; a given MRN must pass the MRN
     * rule and be unused. Throws {@link ValidationException} naming every broken field.
     */
    public Patient create(PatientDetails raw) {
        UserSession s = guard.require(Permission.PATIENT_WRITE, "patient.create", null);
        PatientDetails details = validated(withoutClinicalUnlessAllowed(s, raw, null));
        return tx.inTransaction(dsl -> {
            PatientRepository repo = new PatientRepository(dsl);
            String mrn = details.mrn();
            if (mrn == null) {
                mrn = repo.nextMrn();
            } else if (repo.mrnExists(mrn, null)) {
                throw mrnTaken();
            }
            PatientDetails withMrn = details.withMrn(mrn);
            Patient p = uniqueMrn(() -> repo.insert(withMrn, now()));
            guard.audit().append(dsl, s.actor(), AuditEntry.patient("patient.create", p.id(), "mrn " + p.mrn()));
            return visibleTo(s, p);
        });
    }

    /**
     * Saves edited details over the version the user opened. Throws {@link ConcurrentEditException} when
     * someone else saved in between; nothing is written then.
     */
    public Patient update(long id, int version, PatientDetails raw) {
        UserSession s = guard.require(Permission.PATIENT_WRITE, "patient.update", id);
        PatientDetails checked = validated(raw);
        if (checked.mrn() == null) {
            throw new ValidationException(Violation.of(PatientField.MRN, "validation.required"));
        }
        return tx.inTransaction(dsl -> {
            PatientRepository repo = new PatientRepository(dsl);
            Patient current = existing(repo, id);
            if (current.version() != version) {
                throw new ConcurrentEditException(PATIENT, id);
            }
            PatientDetails details = withoutClinicalUnlessAllowed(s, checked, current.details());
            if (!details.mrn().equals(current.mrn()) && repo.mrnExists(details.mrn(), id)) {
                throw mrnTaken();
            }
            Patient p = uniqueMrn(() -> repo.update(id, version, details, now()))
                    .orElseThrow(() -> new ConcurrentEditException(PATIENT, id));
            guard.audit().append(dsl, s.actor(), AuditEntry.patient("patient.update", id,
                    PatientChanges.describe(current.details(), p.details())));
            return visibleTo(s, p);
        });
    }

    /** Discharges the patient on {@code dischargedOn} (not in the future, not before birth). */
    public Patient discharge(long id, int version, LocalDate dischargedOn) {
        UserSession s = guard.require(Permission.PATIENT_WRITE, "patient.discharge", id);
        return tx.inTransaction(dsl -> {
            PatientRepository repo = new PatientRepository(dsl);
            Patient current = existing(repo, id);
            List<Violation> v = PatientValidator.validateDischarge(dischargedOn, today(),
                    current.details().birthDate());
            if (!v.isEmpty()) {
                throw new ValidationException(v);
            }
            Patient p = repo.changeStatus(id, version, PatientStatus.DISCHARGED, dischargedOn, now())
                    .orElseThrow(() -> new ConcurrentEditException(PATIENT, id));
            guard.audit().append(dsl, s.actor(), AuditEntry.patient("patient.discharge", id,
                    "status " + current.status() + " -> DISCHARGED on " + dischargedOn));
            return visibleTo(s, p);
        });
    }

    /**
     * Sets the patient active or on hold. Re-admitting a discharged patient clears the discharge date on
     * the record; the audit event keeps it.
     */
    public Patient setStatus(long id, int version, PatientStatus status) {
        if (status == PatientStatus.DISCHARGED) {
            throw new IllegalArgumentException("use discharge() with a date");
        }
        UserSession s = guard.require(Permission.PATIENT_WRITE, "patient.status", id);
        return tx.inTransaction(dsl -> {
            PatientRepository repo = new PatientRepository(dsl);
            Patient current = existing(repo, id);
            Patient p = repo.changeStatus(id, version, status, null, now())
                    .orElseThrow(() -> new ConcurrentEditException(PATIENT, id));
            guard.audit().append(dsl, s.actor(), AuditEntry.patient("patient.status", id, "status "
                    + current.status() + (current.dischargedOn() == null ? "" : " (discharged "
                    + current.dischargedOn() + ")") + " -> " + status));
            return visibleTo(s, p);
        });
    }

    /** Voids a patient entered in error. The row stays for the record; normal lists no longer show it. */
    public Patient voidPatient(long id, int version, String reason) {
        UserSession s = guard.require(Permission.PATIENT_VOID, "patient.void", id);
        List<Violation> v = PatientValidator.validateVoidReason(reason);
        if (!v.isEmpty()) {
            throw new ValidationException(v);
        }
        return tx.inTransaction(dsl -> {
            PatientRepository repo = new PatientRepository(dsl);
            existing(repo, id);
            Patient p = repo.markVoided(id, version, Text.clean(reason), now())
                    .orElseThrow(() -> new ConcurrentEditException(PATIENT, id));
            guard.audit().append(dsl, s.actor(), AuditEntry.patient("patient.void", id, "reason: "
                    + Text.clean(reason)));
            return visibleTo(s, p);
        });
    }

    /** How many patients the registry shows (voided ones excluded). */
    public int count() {
        guard.require(Permission.PATIENT_READ, "patient.count", null);
        return tx.read(dsl -> new PatientRepository(dsl).countActiveRecords());
    }

    /**
     * Rebuilds stored search keys when the way they are made has changed since they were written (see
     * {@link Text#NAME_KEY_VERSION}); a no-op otherwise. Maintenance run at sign-in, not a user action.
     * Returns how many patients were re-keyed.
     */
    public int upgradeSearchKeys() {
        return tx.inTransaction(dsl -> {
            SettingsRepository settings = new SettingsRepository(dsl);
            String want = Integer.toString(Text.NAME_KEY_VERSION);
            if (want.equals(settings.get(KEY_VERSION_SETTING).orElse(null))) {
                return 0;
            }
            int n = new PatientRepository(dsl).rebuildSearchKeys();
            settings.put(KEY_VERSION_SETTING, want, now());
            return n;
        });
    }

    /** Diagnosis and notes only for those who may read clinical details. */
    private static Patient visibleTo(UserSession s, Patient p) {
        if (s.may(Permission.CLINICAL_READ)) {
            return p;
        }
        PatientDetails d = p.details();
        return new Patient(p.id(), p.version(), withClinical(d, null, null), p.status(), p.dischargedOn(),
                p.voided(), p.voidReason(), p.createdAt(), p.updatedAt());
    }

    /** Without clinical.read, the stored diagnosis and notes are kept whatever the form sent. */
    private static PatientDetails withoutClinicalUnlessAllowed(UserSession s, PatientDetails d, PatientDetails stored) {
        if (s.may(Permission.CLINICAL_READ)) {
            return d;
        }
        return withClinical(d, stored == null ? null : stored.primaryDiagnosisCode(),
                stored == null ? null : stored.notes());
    }

    private static PatientDetails withClinical(PatientDetails d, String diagnosis, String notes) {
        return new PatientDetails(d.mrn(), d.givenName(), d.familyName(), d.preferredName(), d.birthDate(), d.sex(),
                d.genderIdentity(), d.phone(), d.email(), d.address(), d.emergencyContact(), d.payerId(),
                d.memberId(), d.referringProvider(), diagnosis, notes);
    }

    private PatientDetails validated(PatientDetails raw) {
        List<Violation> v = PatientValidator.validate(raw, today());
        if (!v.isEmpty()) {
            throw new ValidationException(v);
        }
        return raw.normalized();
    }

    private static Patient existing(PatientRepository repo, long id) {
        return repo.findById(id).filter(p -> !p.voided()).orElseThrow(() -> new NotFoundException(PATIENT, id));
    }

    /** The unique constraint is the last word when two workstations take the same MRN at once. */
    private static <T> T uniqueMrn(Supplier<T> write) {
        try {
            return write.get();
        } catch (MrnTakenException e) {
            throw mrnTaken();
        }
    }

    private static ValidationException mrnTaken() {
        return new ValidationException(Violation.of(PatientField.MRN, "validation.mrn.taken"));
    }

    private Instant now() {
        return clock.instant();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
