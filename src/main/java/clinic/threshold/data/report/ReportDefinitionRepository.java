package clinic.threshold.data.report;

import static clinic.threshold.data.jooq.Tables.REPORT_DEFINITION;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Saved report definitions: a name, the report and its parameters (JSON), whose they are; retired, never deleted. */
public final class ReportDefinitionRepository {
    private final org.jooq.DSLContext dsl;

    public ReportDefinitionRepository(org.jooq.DSLContext dsl) {
        this.dsl = dsl;
    }

    public record Stored(long id, String name, String reportId, String params, String owner, int version) {
    }

    /** The owner's active definitions, by name. */
    public List<Stored> of(String owner) {
        return dsl.selectFrom(REPORT_DEFINITION).where(REPORT_DEFINITION.OWNER.eq(owner)).and(REPORT_DEFINITION.ACTIVE.isTrue())
                .orderBy(REPORT_DEFINITION.NAME, REPORT_DEFINITION.ID)
                .fetch(r -> new Stored(r.getId(), r.getName(), r.getReportId(), r.getParams(), r.getOwner(), r.getVersion()));
    }

    public Optional<Stored> byName(String owner, String name) {
        return of(owner).stream().filter(s -> s.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    public long insert(String name, String reportId, String params, String owner, Instant at) {
        return dsl.insertInto(REPORT_DEFINITION).set(REPORT_DEFINITION.NAME, name).set(REPORT_DEFINITION.REPORT_ID, reportId)
                .set(REPORT_DEFINITION.PARAMS, params).set(REPORT_DEFINITION.OWNER, owner)
                .set(REPORT_DEFINITION.CREATED_AT, at.atOffset(ZoneOffset.UTC)).returning(REPORT_DEFINITION.ID).fetchOne().getId();
    }

    /** Replaces a definition's report and parameters; false when someone changed it first. */
    public boolean update(long id, int version, String reportId, String params) {
        return dsl.update(REPORT_DEFINITION).set(REPORT_DEFINITION.REPORT_ID, reportId).set(REPORT_DEFINITION.PARAMS, params)
                .set(REPORT_DEFINITION.VERSION, version + 1).where(REPORT_DEFINITION.ID.eq(id))
                .and(REPORT_DEFINITION.VERSION.eq(version)).execute() == 1;
    }

    public boolean retire(long id, String owner) {
        return dsl.update(REPORT_DEFINITION).set(REPORT_DEFINITION.ACTIVE, false).where(REPORT_DEFINITION.ID.eq(id))
                .and(REPORT_DEFINITION.OWNER.eq(owner)).execute() == 1;
    }
}
