package clinic.threshold.service.patient;

import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.patient.MrnTakenException;
import clinic.threshold.data.settings.SettingsRepository;
import clinic.threshold.data.patient.PatientRepository;
import clinic.threshold.domain.common.ConcurrentEditException;
import clinic.threshold.domain.common.NotFoundException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.patient.PatientDetails;
import clinic.threshold.domain.patient.PatientField;
import clinic.threshold.domain.patient.PatientQuery;
import clinic.threshold.domain.patient.PatientStatus;
import clinic.threshold.domain.patient.PatientSummary;
import clinic.threshold.domain.patient.PatientValidator;
import clinic.threshold.domain.patient.PossibleDuplicate;
import clinic.threshold.domain.patient.Text;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Patient registry use cases. Each method is one transaction: it validates, writes, and either all of it
 * is saved or none of it. Patients are never deleted; they are discharged, or voided with a reason.
 */
public final class PatientService {
    private static final String PATIENT = "Patient";
    static final String KEY_VERSION_SETTING = "patient.searchKeyVersion";

    private final Transactor tx;
    private final Clock clock;

    public PatientService(Transactor tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /** Patients matching the query, at most {@code query.limit()} of them; voided patients never appear. */
    public List<PatientSummary> search(PatientQuery query) {
        return tx.read(dsl -> new PatientRepository(dsl).search(query));
    }

    /** The patient with {@code id}; throws {@link NotFoundException} when there is none or it is voided. */
    public Patient get(long id) {
        return tx.read(dsl -> new PatientRepository(dsl).findById(id))
                .filter(p -> !p.voided())
                .orElseThrow(() -> new NotFoundException(PATIENT, id));
    }

    /** Existing patients who may be the person described; shown as a warning before a new patient is saved. */
    public List<PossibleDuplicate> possibleDuplicates(PatientDetails details, Long exceptId) {
        return tx.read(dsl -> new PatientRepository(dsl).findPossibleDuplicates(details, exceptId));
    }

    /**
     * Registers a new active patient. Generates the MRN when none is given; a given MRN must pass the MRN
     * rule and be unused. Throws {@link ValidationException} naming every broken field.
     */
    public Patient create(PatientDetails raw) {
        PatientDetails details = validated(raw);
        return tx.inTransaction(dsl -> {
            PatientRepository repo = new PatientRepository(dsl);
            String mrn = details.mrn();
            if (mrn == null) {
                mrn = repo.nextMrn();
            } else if (repo.mrnExists(mrn, null)) {
                throw mrnTaken();
            }
            PatientDetails withMrn = details.withMrn(mrn);
            return uniqueMrn(() -> repo.insert(withMrn, now()));
        });
    }

    /**
     * Saves edited details over the version the user opened. Throws {@link ConcurrentEditException} when
     * someone else saved in between; nothing is written then.
     */
    public Patient update(long id, int version, PatientDetails raw) {
        PatientDetails details = validated(raw);
        if (details.mrn() == null) {
            throw new ValidationException(Violation.of(PatientField.MRN, "validation.required"));
        }
        return tx.inTransaction(dsl -> {
            PatientRepository repo = new PatientRepository(dsl);
            Patient current = existing(repo, id);
            if (current.version() != version) {
                throw new ConcurrentEditException(PATIENT, id);
            }
            if (!details.mrn().equals(current.mrn()) && repo.mrnExists(details.mrn(), id)) {
                throw mrnTaken();
            }
            return uniqueMrn(() -> repo.update(id, version, details, now()))
                    .orElseThrow(() -> new ConcurrentEditException(PATIENT, id));
        });
    }

    /** Discharges the patient on {@code dischargedOn} (not in the future, not before birth). */
    public Patient discharge(long id, int version, LocalDate dischargedOn) {
        return tx.inTransaction(dsl -> {
            PatientRepository repo = new PatientRepository(dsl);
            Patient current = existing(repo, id);
            List<Violation> v = PatientValidator.validateDischarge(dischargedOn, today(),
                    current.details().birthDate());
            if (!v.isEmpty()) {
                throw new ValidationException(v);
            }
            return repo.changeStatus(id, version, PatientStatus.DISCHARGED, dischargedOn, now())
                    .orElseThrow(() -> new ConcurrentEditException(PATIENT, id));
        });
    }

    /** Sets the patient active or on hold (re-admitting a discharged patient clears the discharge date). */
    public Patient setStatus(long id, int version, PatientStatus status) {
        if (status == PatientStatus.DISCHARGED) {
            throw new IllegalArgumentException("use discharge() with a date");
        }
        return tx.inTransaction(dsl -> {
            PatientRepository repo = new PatientRepository(dsl);
            existing(repo, id);
            return repo.changeStatus(id, version, status, null, now())
                    .orElseThrow(() -> new ConcurrentEditException(PATIENT, id));
        });
    }

    /** Voids a patient entered in error. The row stays for the record; normal lists no longer show it. */
    public Patient voidPatient(long id, int version, String reason) {
        List<Violation> v = PatientValidator.validateVoidReason(reason);
        if (!v.isEmpty()) {
            throw new ValidationException(v);
        }
        return tx.inTransaction(dsl -> {
            PatientRepository repo = new PatientRepository(dsl);
            existing(repo, id);
            return repo.markVoided(id, version, Text.clean(reason), now())
                    .orElseThrow(() -> new ConcurrentEditException(PATIENT, id));
        });
    }

    /**
     * Rebuilds stored search keys when the way they are made has changed since they were written (see
     * {@link Text#NAME_KEY_VERSION}); a no-op otherwise. Returns how many patients were re-keyed.
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

    /** How many patients the registry shows (voided ones excluded). */
    public int count() {
        return tx.read(dsl -> new PatientRepository(dsl).countActiveRecords());
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

    /** Returns an optional patient without throwing, for screens that refresh after another window's change. */
    public Optional<Patient> find(long id) {
        return tx.read(dsl -> new PatientRepository(dsl).findById(id)).filter(p -> !p.voided());
    }
}
