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
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;
import org.jooq.SelectField;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * The patient aggregate in the database. No delete: patients are discharged or voided. Every update is
 * conditional on the version the caller read, so that concurrent edits never overwrite each other.
 */
public final class PatientRepository {
    private static final char LIKE_ESCAPE = '!';
    private static final int DUPLICATE_LIMIT = 10;
    /**
     * Above this many matches for the driving token, the first matches of each column's index are shown instead of
     * sorting them all: on the large clinic a one-letter name (thousands of matches) took 30 ms at a cap of 5,000
     * (docs/benchmarks.md).
     */
    private static final int CANDIDATE_CAP = 1_000;

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
        try {
            r.store();
        } catch (IntegrityConstraintViolationException e) {
            throw MrnTakenException.orRethrow(e);
        }
        return PatientRecords.toPatient(r);
    }

    /** The patient holding {@code mrn}, voided ones excluded. */
    public Optional<Patient> findByMrn(String mrn) {
        return dsl.selectFrom(PATIENT).where(PATIENT.MRN.eq(mrn).and(PATIENT.VOIDED.isFalse())).fetchOptional()
                .map(PatientRecords::toPatient);
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
        r.changed(PATIENT.ID, false);
        return versioned(id, expectedVersion, now, r);
    }

    /**
     * Writes the changed fields of {@code r} when the row is still at {@code expectedVersion} and not voided,
     * bumping the version; empty when another save came first.
     */
    private Optional<Patient> versioned(long id, int expectedVersion, Instant now, PatientRecord r) {
        r.setUpdatedAt(now.atOffset(ZoneOffset.UTC));
        r.setVersion(expectedVersion + 1);
        int n;
        try {
            n = dsl.update(PATIENT).set(r)
                    .where(PATIENT.ID.eq(id).and(PATIENT.VERSION.eq(expectedVersion)).and(PATIENT.VOIDED.isFalse()))
                    .execute();
        } catch (IntegrityConstraintViolationException e) {
            throw MrnTakenException.orRethrow(e);
        }
        return n == 1 ? findById(id) : Optional.empty();
    }

    /** Sets the status (with the discharge date when discharging), version-checked like {@link #update}. */
    public Optional<Patient> changeStatus(long id, int expectedVersion, PatientStatus status, LocalDate dischargedOn,
                                          Instant now) {
        PatientRecord r = dsl.newRecord(PATIENT);
        r.setStatus(status.name());
        r.setDischargedOn(status == PatientStatus.DISCHARGED ? dischargedOn : null);
        return versioned(id, expectedVersion, now, r);
    }

    /** Marks a patient entered in error as void; the row stays, hidden from normal lists. */
    public Optional<Patient> markVoided(long id, int expectedVersion, String reason, Instant now) {
        PatientRecord r = dsl.newRecord(PATIENT);
        r.setVoided(true);
        r.setVoidReason(reason);
        r.setVoidedAt(now.atOffset(ZoneOffset.UTC));
        return versioned(id, expectedVersion, now, r);
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
        List<SearchTerms.Token> tokens = query.terms().tokens();
        for (SearchTerms.Token t : tokens) {
            c = c.and(tokenCondition(t));
        }
        // One token drives the search through the indexes (one prefix range scan per column it may match);
        // the other conditions then only filter the rows it found. Without this H2 reads the whole table.
        SearchTerms.Token driver = mostSelective(tokens);
        if (driver != null) {
            List<Condition> branches = branches(driver);
            java.util.Set<Long> found = new java.util.LinkedHashSet<>();
            for (Condition b : branches) {
                // Each branch stops at the cap, so a one-letter prefix never reads a whole index.
                found.addAll(dsl.select(PATIENT.ID).from(PATIENT).where(b).limit(CANDIDATE_CAP + 1)
                        .fetch(0, Long.class));
                if (found.size() > CANDIDATE_CAP) {
                    break;
                }
            }
            List<Long> ids = List.copyOf(found);
            if (ids.size() > CANDIDATE_CAP) {
                // A short prefix matching thousands: take the first matches from each column's index, with every
                // filter applied, and let the user type more ("showing the first N matches").
                java.util.Set<Long> first = new java.util.LinkedHashSet<>();
                for (Condition b : branches) {
                    first.addAll(dsl.select(PATIENT.ID).from(PATIENT).where(c.and(b)).limit(query.limit())
                            .fetch(0, Long.class));
                }
                ids = List.copyOf(first);
            }
            if (ids.isEmpty()) {
                return List.of();
            }
            c = c.and(clinic.threshold.data.db.IdList.literals(PATIENT.ID, ids)); // literals: looked up by primary key
        }
        return summaries(c)
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
            summaries(base.and(PATIENT.FAMILY_KEY.eq(Text.nameKey(n.familyName())))
                            .and(PATIENT.BIRTH_DATE.eq(n.birthDate())))
                    .limit(DUPLICATE_LIMIT)
                    .forEach(r -> out.add(new PossibleDuplicate(toSummary(r),
                            PossibleDuplicate.Reason.SAME_FAMILY_NAME_AND_BIRTH_DATE)));
        }
        String phone = Text.digits(n.phone());
        if (phone != null) {
            summaries(base.and(PATIENT.PHONE_KEY.eq(phone)))
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

    /** The token likely to match fewest rows: a date, else the longest digits, else the longest name part. */
    private static SearchTerms.Token mostSelective(List<SearchTerms.Token> tokens) {
        SearchTerms.Token best = null;
        int bestScore = -1;
        for (SearchTerms.Token t : tokens) {
            int score;
            if (t instanceof SearchTerms.DateToken) {
                score = 1000;
            } else if (t instanceof SearchTerms.DigitsToken d) {
                score = 100 + d.digits().length();
            } else {
                score = ((SearchTerms.NameToken) t).prefix().length();
            }
            if (score > bestScore) {
                best = t;
                bestScore = score;
            }
        }
        return best;
    }

    /** The conditions, one per indexed column, any of which a token may match. */
    private static List<Condition> branches(SearchTerms.Token token) {
        if (token instanceof SearchTerms.DateToken d) {
            return List.of(PATIENT.BIRTH_DATE.eq(d.date()));
        }
        if (token instanceof SearchTerms.DigitsToken d) {
            return List.of(PATIENT.PHONE_KEY.like(prefix(d.digits()), LIKE_ESCAPE),
                    PATIENT.PHONE_KEY_REV.like(prefix(Text.reversed(d.digits())), LIKE_ESCAPE),
                    PATIENT.MRN.like(prefix(MrnRule.PREFIX + d.digits()), LIKE_ESCAPE));
        }
        String p = prefix(((SearchTerms.NameToken) token).prefix());
        return List.of(PATIENT.FAMILY_KEY.like(p, LIKE_ESCAPE), PATIENT.GIVEN_KEY.like(p, LIKE_ESCAPE),
                PATIENT.PREFERRED_KEY.like(p, LIKE_ESCAPE), PATIENT.MRN.like(p, LIKE_ESCAPE));
    }

    /** A token matches when any of its branches does. */
    private static Condition tokenCondition(SearchTerms.Token token) {
        return DSL.or(branches(token));
    }

    /** A LIKE pattern matching values that start with {@code s}, with LIKE's wildcards escaped. */
    static String prefix(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /** Patients with their payer's name, as list rows, matching {@code c}. */
    private SelectConditionStep<Record> summaries(Condition c) {
        return dsl.select(summaryFields()).from(PATIENT).leftJoin(PAYER).on(PAYER.ID.eq(PATIENT.PAYER_ID)).where(c);
    }

    /**
     * Recomputes the search keys of every patient (after {@link Text#NAME_KEY_VERSION} changes), in id order,
     * a page at a time. Returns how many rows it rewrote.
     */
    public int rebuildSearchKeys() {
        int done = 0;
        long after = 0;
        while (true) {
            List<PatientRecord> page = dsl.selectFrom(PATIENT).where(PATIENT.ID.gt(after)).orderBy(PATIENT.ID)
                    .limit(1000).fetch();
            if (page.isEmpty()) {
                return done;
            }
            for (PatientRecord r : page) {
                PatientRecords.writeKeys(r);
                dsl.update(PATIENT).set(PATIENT.FAMILY_KEY, r.getFamilyKey()).set(PATIENT.GIVEN_KEY, r.getGivenKey())
                        .set(PATIENT.PREFERRED_KEY, r.getPreferredKey()).set(PATIENT.PHONE_KEY, r.getPhoneKey())
                        .set(PATIENT.PHONE_KEY_REV, r.getPhoneKeyRev()).where(PATIENT.ID.eq(r.getId())).execute();
                after = r.getId();
                done++;
            }
        }
    }

    private static List<SelectField<?>> summaryFields() {
        return List.of(PATIENT.ID, PATIENT.MRN, PATIENT.GIVEN_NAME, PATIENT.FAMILY_NAME, PATIENT.PREFERRED_NAME,
                PATIENT.BIRTH_DATE, PATIENT.PHONE, PATIENT.STATUS, PAYER.NAME);
    }

    private static PatientSummary toSummary(Record r) {
        return new PatientSummary(r.get(PATIENT.ID), r.get(PATIENT.MRN), r.get(PATIENT.GIVEN_NAME),
                r.get(PATIENT.FAMILY_NAME), r.get(PATIENT.PREFERRED_NAME), r.get(PATIENT.BIRTH_DATE),
                r.get(PATIENT.PHONE), clinic.threshold.data.db.StoredValues.enumOf(PatientStatus.class, r.get(PATIENT.STATUS)), r.get(PAYER.NAME));
    }
}
