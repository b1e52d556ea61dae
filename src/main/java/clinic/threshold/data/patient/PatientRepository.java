package clinic.threshold.data.patient;

import static clinic.threshold.data.jooq.Tables.PATIENT;
import static clinic.threshold.data.jooq.Tables.PAYER;

import clinic.threshold.data.jooq.Sequences;
import clinic.threshold.data.jooq.tables.records.PatientRecord;
import clinic.threshold.domain.patient.MrnRule;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.patient.PatientDetails;
import clinic.threshold.domain.patient.PatientQuery;
import clinic.threshold.domain.patient.PatientStatus;
import clinic.threshold.domain.patient.PatientSummary;
import clinic.threshold.domain.patient.PossibleDuplicate;
import clinic.threshold.domain.patient.SearchTerms;
import clinic.threshold.domain.patient.Text;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectField;

/**
 * The patient aggregate in the database. No delete: patients are discharged or voided. Every update is
 * conditional on the version the caller read, so that concurrent edits never overwrite each other.
 */
public final class PatientRepository {
    private static final char LIKE_ESCAPE = '!';
    private static final int DUPLICATE_LIMIT = 10;

    private final DSLContext dsl;

    public PatientRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A new, unused MRN from the sequence, skipping numbers a user has already assigned by hand. */
    public String nextMrn() {
        while (true) {
            String mrn = MrnRule.fromSequence(dsl.nextval(Sequences.SEQ_PATIENT_MRN));
            if (!mrnExists(mrn, null)) {
                return mrn;
            }
        }
    }

    /** True when another patient (voided ones included: MRNs are never reused) holds {@code mrn}. */
    public boolean mrnExists(String mrn, Long exceptId) {
        Condition c = PATIENT.MRN.eq(mrn);
        if (exceptId != null) {
            c = c.and(PATIENT.ID.ne(exceptId));
        }
        return dsl.fetchExists(PATIENT, c);
    }

    /** Inserts a new active patient whose details carry an MRN; returns it as stored. */
    public Patient insert(PatientDetails details, Instant now) {
        PatientRecord r = dsl.newRecord(PATIENT);
        PatientRecords.write(r, details);
        r.setStatus(PatientStatus.ACTIVE.name());
        r.setVoided(false);
        r.setCreatedAt(now.atOffset(ZoneOffset.UTC));
        r.setUpdatedAt(now.atOffset(ZoneOffset.UTC));
        r.setVersion(1);
        r.store();
        return PatientRecords.toPatient(r);
    }

    public Optional<Patient> findById(long id) {
        return dsl.selectFrom(PATIENT).where(PATIENT.ID.eq(id)).fetchOptional().map(PatientRecords::toPatient);
    }

    /**
     * Writes new details when the stored version is still {@code expectedVersion}. Returns the stored patient,
     * or empty when someone else changed (or the patient vanished) in the meantime.
     */
    public Optional<Patient> update(long id, int expectedVersion, PatientDetails details, Instant now) {
        PatientRecord r = dsl.newRecord(PATIENT);
        PatientRecords.write(r, details);
        r.setUpdatedAt(now.atOffset(ZoneOffset.UTC));
        r.setVersion(expectedVersion + 1);
        r.changed(PATIENT.ID, false);
        int n = dsl.update(PATIENT).set(r)
                .where(PATIENT.ID.eq(id).and(PATIENT.VERSION.eq(expectedVersion)).and(PATIENT.VOIDED.isFalse()))
                .execute();
        return n == 1 ? findById(id) : Optional.empty();
    }

    /** Sets the status (with the discharge date when discharging), version-checked like {@link #update}. */
    public Optional<Patient> changeStatus(long id, int expectedVersion, PatientStatus status, LocalDate dischargedOn,
                                          Instant now) {
        int n = dsl.update(PATIENT)
                .set(PATIENT.STATUS, status.name())
                .set(PATIENT.DISCHARGED_ON, status == PatientStatus.DISCHARGED ? dischargedOn : null)
                .set(PATIENT.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .set(PATIENT.VERSION, expectedVersion + 1)
                .where(PATIENT.ID.eq(id).and(PATIENT.VERSION.eq(expectedVersion)).and(PATIENT.VOIDED.isFalse()))
                .execute();
        return n == 1 ? findById(id) : Optional.empty();
    }

    /** Marks a patient entered in error as void; the row stays, hidden from normal lists. */
    public Optional<Patient> markVoided(long id, int expectedVersion, String reason, Instant now) {
        int n = dsl.update(PATIENT)
                .set(PATIENT.VOIDED, true)
                .set(PATIENT.VOID_REASON, reason)
                .set(PATIENT.VOIDED_AT, now.atOffset(ZoneOffset.UTC))
                .set(PATIENT.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .set(PATIENT.VERSION, expectedVersion + 1)
                .where(PATIENT.ID.eq(id).and(PATIENT.VERSION.eq(expectedVersion)).and(PATIENT.VOIDED.isFalse()))
                .execute();
        return n == 1 ? findById(id) : Optional.empty();
    }

    /**
     * Non-voided patients matching every search token and the filters, ordered by family then given name,
     * at most {@code query.limit()} rows. Each token uses a prefix index (see V004__patient.sql).
     */
    public List<PatientSummary> search(PatientQuery query) {
        Condition c = PATIENT.VOIDED.isFalse()
                .and(PATIENT.STATUS.in(query.statuses().stream().map(Enum::name).toList()));
        if (query.payerId() != null) {
            c = c.and(PATIENT.PAYER_ID.eq(query.payerId()));
        }
        for (SearchTerms.Token t : query.terms().tokens()) {
            c = c.and(tokenCondition(t));
        }
        return dsl.select(summaryFields()).from(PATIENT).leftJoin(PAYER).on(PAYER.ID.eq(PATIENT.PAYER_ID))
                .where(c)
                .orderBy(PATIENT.FAMILY_KEY, PATIENT.GIVEN_KEY, PATIENT.ID)
                .limit(query.limit())
                .fetch(PatientRepository::toSummary);
    }

    /** Non-voided patients who share the family name and birth date, or the phone number, with {@code d}. */
    public List<PossibleDuplicate> findPossibleDuplicates(PatientDetails d, Long exceptId) {
        List<PossibleDuplicate> out = new ArrayList<>();
        PatientDetails n = d.normalized();
        Condition base = PATIENT.VOIDED.isFalse();
        if (exceptId != null) {
            base = base.and(PATIENT.ID.ne(exceptId));
        }
        if (n.familyName() != null && n.birthDate() != null) {
            dsl.select(summaryFields()).from(PATIENT).leftJoin(PAYER).on(PAYER.ID.eq(PATIENT.PAYER_ID))
                    .where(base.and(PATIENT.FAMILY_KEY.eq(Text.nameKey(n.familyName())))
                            .and(PATIENT.BIRTH_DATE.eq(n.birthDate())))
                    .limit(DUPLICATE_LIMIT)
                    .forEach(r -> out.add(new PossibleDuplicate(toSummary(r),
                            PossibleDuplicate.Reason.SAME_FAMILY_NAME_AND_BIRTH_DATE)));
        }
        String phone = Text.digits(n.phone());
        if (phone != null) {
            dsl.select(summaryFields()).from(PATIENT).leftJoin(PAYER).on(PAYER.ID.eq(PATIENT.PAYER_ID))
                    .where(base.and(PATIENT.PHONE_KEY.eq(phone)))
                    .limit(DUPLICATE_LIMIT)
                    .forEach(r -> {
                        PatientSummary s = toSummary(r);
                        if (out.stream().noneMatch(p -> p.existing().id() == s.id())) {
                            out.add(new PossibleDuplicate(s, PossibleDuplicate.Reason.SAME_PHONE));
                        }
                    });
        }
        return out;
    }

    /** Number of patients in normal lists (not voided). */
    public int countActiveRecords() {
        return dsl.fetchCount(PATIENT, PATIENT.VOIDED.isFalse());
    }

    private static Condition tokenCondition(SearchTerms.Token token) {
        if (token instanceof SearchTerms.DateToken d) {
            return PATIENT.BIRTH_DATE.eq(d.date());
        }
        if (token instanceof SearchTerms.DigitsToken d) {
            return PATIENT.PHONE_KEY.like(prefix(d.digits()), LIKE_ESCAPE)
                    .or(PATIENT.PHONE_KEY_REV.like(prefix(Text.reversed(d.digits())), LIKE_ESCAPE))
                    .or(PATIENT.MRN.like(prefix(MrnRule.PREFIX + d.digits()), LIKE_ESCAPE));
        }
        String p = prefix(((SearchTerms.NameToken) token).prefix());
        return PATIENT.FAMILY_KEY.like(p, LIKE_ESCAPE)
                .or(PATIENT.GIVEN_KEY.like(p, LIKE_ESCAPE))
                .or(PATIENT.PREFERRED_KEY.like(p, LIKE_ESCAPE))
                .or(PATIENT.MRN.like(p, LIKE_ESCAPE));
    }

    /** A LIKE pattern matching values that start with {@code s}, with LIKE's wildcards escaped. */
    static String prefix(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private static List<SelectField<?>> summaryFields() {
        return List.of(PATIENT.ID, PATIENT.MRN, PATIENT.GIVEN_NAME, PATIENT.FAMILY_NAME, PATIENT.PREFERRED_NAME,
                PATIENT.BIRTH_DATE, PATIENT.PHONE, PATIENT.STATUS, PAYER.NAME);
    }

    private static PatientSummary toSummary(Record r) {
        return new PatientSummary(r.get(PATIENT.ID), r.get(PATIENT.MRN), r.get(PATIENT.GIVEN_NAME),
                r.get(PATIENT.FAMILY_NAME), r.get(PATIENT.PREFERRED_NAME), r.get(PATIENT.BIRTH_DATE),
                r.get(PATIENT.PHONE), PatientStatus.valueOf(r.get(PATIENT.STATUS)), r.get(PAYER.NAME));
    }
}
