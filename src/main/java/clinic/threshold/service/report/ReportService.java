package clinic.threshold.service.report;

import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.report.ReportDefinitionRepository;
import clinic.threshold.data.settings.SettingsRepository;
import clinic.threshold.domain.audit.AuditCategory;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.common.ConcurrentEditException;
import clinic.threshold.domain.common.NotFoundException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.report.OutcomesReport;
import clinic.threshold.domain.report.Progress;
import clinic.threshold.domain.report.ReportId;
import clinic.threshold.domain.report.ReportParams;
import clinic.threshold.domain.report.ReportResult;
import clinic.threshold.domain.report.SavedReport;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.service.common.Guard;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * The clinic's reports (issue 11; formulas in docs/reports.md). Who sees what: administrators (report.all) every report
 * over every patient; clinicians the outcome reports over their own patients (courses they started, patients they
 * prescribe for); the front desk the chair and attendance reports. Running and exporting are audited.
 */
public final class ReportService {
    private static final int MAX_NAME = 80;
    private final Transactor tx;
    private final Clock clock;
    private final Guard guard;

    public ReportService(Transactor tx, Clock clock, Guard guard) {
        this.tx = tx;
        this.clock = clock;
        this.guard = guard;
    }

    /** The reports the signed-in user may run, in menu order. */
    public List<ReportId> available() {
        UserSession s = guard.signedIn();
        if (!s.may(Permission.REPORT_RUN)) {
            return List.of();
        }
        return Arrays.stream(ReportId.values()).filter(id -> switch (id.audience()) {
            case ADMINISTRATION -> s.may(Permission.REPORT_ALL);
            case OPERATIONS -> true;
            case CLINICAL -> s.may(Permission.REPORT_ALL) || s.may(Permission.CLINICAL_READ);
        }).toList();
    }

    /** The rule values each report's help text names, in force today (reports without any are left out). */
    public java.util.Map<ReportId, List<Object>> helpValues() {
        guard.require(Permission.REPORT_RUN, "report.help", null);
        return tx.read(dsl -> ReportSources.helpValues(dsl, java.time.LocalDate.now(clock)));
    }

    /** Runs a report; {@code progress} hears how far it got and may cancel it (nothing is audited then). */
    public ReportResult run(ReportId id, ReportParams asked, Progress progress) {
        UserSession s = guard.require(Permission.REPORT_RUN, "report.run", null);
        String own = scope(s, id);
        check(asked);
        ReportParams params = asked.forReport(id);
        ReportResult result = tx.readInBulk(dsl -> ReportSources.compute(dsl, id, params, own, clock, progress));
        progress.check();
        tx.inTransaction(dsl -> {
            guard.audit().append(dsl, s.actor(), new AuditEntry("report.run", AuditCategory.ADMIN, null, "report", id.name(),
                    AuditOutcome.SUCCESS, ReportFormat.params(id, params) + (own == null ? "" : " (own patients)")));
            return null;
        });
        return result;
    }

    public byte[] csv(ReportResult r) {
        UserSession s = guard.require(Permission.REPORT_RUN, "report.export", null);
        scope(s, r.id());
        byte[] out = ReportExports.csv(r);
        exported(s, r, "csv");
        return out;
    }

    public byte[] json(ReportResult r) {
        UserSession s = guard.require(Permission.REPORT_RUN, "report.export", null);
        scope(s, r.id());
        byte[] out = ReportJson.write(r).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exported(s, r, "json");
        return out;
    }

    public byte[] pdf(ReportResult r) {
        UserSession s = guard.require(Permission.REPORT_RUN, "report.export", null);
        scope(s, r.id());
        String clinic = tx.read(dsl -> new SettingsRepository(dsl).get("clinic.name").orElse(null));
        String printed = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(clock.instant().atZone(clock.getZone()));
        byte[] out = ReportExports.pdf(r, clinic, printed);
        exported(s, r, "pdf");
        return out;
    }

    /** The signed-in user's saved definitions, by name. */
    public List<SavedReport> saved() {
        UserSession s = guard.require(Permission.REPORT_RUN, "report.saved", null);
        return tx.read(dsl -> new ReportDefinitionRepository(dsl).of(s.username()).stream()
                .map(d -> new SavedReport(d.id(), d.name(), ReportId.valueOf(d.reportId()), ReportParamsJson.read(d.params()),
                        d.version())).toList());
    }

    /** Saves a definition under a name; the same name again replaces its report and parameters. */
    public long save(String name, ReportId id, ReportParams params) {
        UserSession s = guard.require(Permission.REPORT_RUN, "report.save", null);
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new ValidationException(Violation.of("name", "validation.required"));
        }
        if (n.length() > MAX_NAME) {
            throw new ValidationException(Violation.of("name", "validation.tooLong", MAX_NAME));
        }
        scope(s, id);
        check(params);
        return tx.inDurableTransaction(dsl -> {
            ReportDefinitionRepository repo = new ReportDefinitionRepository(dsl);
            var existing = repo.byName(s.username(), n);
            long saved;
            if (existing.isPresent()) {
                if (!repo.update(existing.get().id(), existing.get().version(), id.name(), ReportParamsJson.write(params))) {
                    throw new ConcurrentEditException("Report definition", existing.get().id());
                }
                saved = existing.get().id();
            } else {
                saved = repo.insert(n, id.name(), ReportParamsJson.write(params), s.username(), clock.instant());
            }
            guard.audit().append(dsl, s.actor(), new AuditEntry("report.save", AuditCategory.ADMIN, null, "report_definition",
                    Long.toString(saved), AuditOutcome.SUCCESS, id.name() + " saved as " + n));
            return saved;
        });
    }

    public void retire(long definitionId) {
        UserSession s = guard.require(Permission.REPORT_RUN, "report.save", null);
        tx.inDurableTransaction(dsl -> {
            if (!new ReportDefinitionRepository(dsl).retire(definitionId, s.username())) {
                throw new NotFoundException("Report definition", definitionId);
            }
            guard.audit().append(dsl, s.actor(), new AuditEntry("report.save", AuditCategory.ADMIN, null, "report_definition",
                    Long.toString(definitionId), AuditOutcome.SUCCESS, "retired"));
            return null;
        });
    }

    /** Whose patients the report may cover: null for everyone's, or the user's own; refuses what the role may not run. */
    private String scope(UserSession s, ReportId id) {
        return switch (id.audience()) {
            case ADMINISTRATION -> {
                guard.require(Permission.REPORT_ALL, "report.run", null);
                yield null;
            }
            case OPERATIONS -> null;
            case CLINICAL -> {
                if (s.may(Permission.REPORT_ALL)) {
                    yield null;
                }
                yield guard.require(Permission.CLINICAL_READ, "report.run", null).username();
            }
        };
    }

    private static void check(ReportParams p) {
        if (p == null) {
            throw new ValidationException(Violation.of("from", "validation.required"));
        }
        if (p.from() != null && p.to() != null && p.to().isBefore(p.from())) {
            throw new ValidationException(Violation.of("to", "report.error.range", p.from(), p.to()));
        }
    }

    private void exported(UserSession s, ReportResult r, String format) {
        tx.inTransaction(dsl -> {
            guard.audit().append(dsl, s.actor(), new AuditEntry("report.export", AuditCategory.EXPORT, null, "report", r.id().name(),
                    AuditOutcome.SUCCESS, format + ": " + ReportFormat.params(r.id(), r.params())));
            return null;
        });
    }
}
