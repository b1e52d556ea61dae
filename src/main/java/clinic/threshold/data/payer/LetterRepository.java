package clinic.threshold.data.payer;

import static clinic.threshold.data.jooq.Tables.AUTHORIZATION_LETTER;
import static clinic.threshold.data.jooq.Tables.LETTER_TEMPLATE;

import clinic.threshold.domain.payer.AuthKind;
import clinic.threshold.domain.payer.LetterTemplate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Letter templates (versioned; the newest of each kind is used) and the letters generated for each request. */
public final class LetterRepository {
    private final DSLContext dsl;

    public LetterRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A stored letter: the document as printed (threshold-letter/1) and who made it when. */
    public record StoredLetter(long id, long authorizationId, AuthKind kind, int templateVersion, String content,
            Instant createdAt, String createdBy) {
    }

    /** The newest version of each kind's template. */
    public List<LetterTemplate> current() {
        var newest = dsl.select(LETTER_TEMPLATE.KIND, DSL.max(LETTER_TEMPLATE.VERSION).as("v")).from(LETTER_TEMPLATE)
                .groupBy(LETTER_TEMPLATE.KIND).asTable("newest");
        return dsl.select(LETTER_TEMPLATE.asterisk()).from(LETTER_TEMPLATE).join(newest)
                .on(LETTER_TEMPLATE.KIND.eq(newest.field(LETTER_TEMPLATE.KIND)))
                .and(LETTER_TEMPLATE.VERSION.eq(newest.field("v", Integer.class))).orderBy(LETTER_TEMPLATE.KIND)
                .fetch(r -> new LetterTemplate(AuthKind.valueOf(r.get(LETTER_TEMPLATE.KIND)), r.get(LETTER_TEMPLATE.VERSION),
                        r.get(LETTER_TEMPLATE.TITLE), r.get(LETTER_TEMPLATE.BODY)));
    }

    public Optional<LetterTemplate> current(AuthKind kind) {
        return current().stream().filter(t -> t.kind() == kind).findFirst();
    }

    /** Stores a new version of a kind's template and returns its number. */
    public int addVersion(AuthKind kind, String title, String body, String by, Instant at) {
        Integer max = dsl.select(DSL.max(LETTER_TEMPLATE.VERSION)).from(LETTER_TEMPLATE).where(LETTER_TEMPLATE.KIND.eq(kind.name()))
                .fetchOne(0, Integer.class);
        int version = max == null ? 1 : max + 1;
        dsl.insertInto(LETTER_TEMPLATE).set(LETTER_TEMPLATE.KIND, kind.name()).set(LETTER_TEMPLATE.VERSION, version)
                .set(LETTER_TEMPLATE.TITLE, title).set(LETTER_TEMPLATE.BODY, body)
                .set(LETTER_TEMPLATE.RECORDED_AT, at.atOffset(ZoneOffset.UTC)).set(LETTER_TEMPLATE.RECORDED_BY, by).execute();
        return version;
    }

    public long store(long authorizationId, AuthKind kind, int templateVersion, String content, String by, Instant at) {
        return dsl.insertInto(AUTHORIZATION_LETTER).set(AUTHORIZATION_LETTER.AUTHORIZATION_ID, authorizationId)
                .set(AUTHORIZATION_LETTER.KIND, kind.name()).set(AUTHORIZATION_LETTER.TEMPLATE_VERSION, templateVersion)
                .set(AUTHORIZATION_LETTER.CONTENT, content).set(AUTHORIZATION_LETTER.CREATED_AT, at.atOffset(ZoneOffset.UTC))
                .set(AUTHORIZATION_LETTER.CREATED_BY, by).returning(AUTHORIZATION_LETTER.ID).fetchOne().getId();
    }

    /** The letters of one request, newest first, without their content. */
    public List<StoredLetter> of(long authorizationId) {
        return dsl.select(AUTHORIZATION_LETTER.ID, AUTHORIZATION_LETTER.AUTHORIZATION_ID, AUTHORIZATION_LETTER.KIND,
                AUTHORIZATION_LETTER.TEMPLATE_VERSION, AUTHORIZATION_LETTER.CREATED_AT, AUTHORIZATION_LETTER.CREATED_BY)
                .from(AUTHORIZATION_LETTER).where(AUTHORIZATION_LETTER.AUTHORIZATION_ID.eq(authorizationId))
                .orderBy(AUTHORIZATION_LETTER.ID.desc())
                .fetch(r -> new StoredLetter(r.value1(), r.value2(), AuthKind.valueOf(r.value3()), r.value4(), null,
                        r.value5().toInstant(), r.value6()));
    }

    public Optional<StoredLetter> byId(long id) {
        return dsl.selectFrom(AUTHORIZATION_LETTER).where(AUTHORIZATION_LETTER.ID.eq(id))
                .fetchOptional(r -> new StoredLetter(r.getId(), r.getAuthorizationId(), AuthKind.valueOf(r.getKind()),
                        r.getTemplateVersion(), r.getContent(), r.getCreatedAt().toInstant(), r.getCreatedBy()));
    }
}
