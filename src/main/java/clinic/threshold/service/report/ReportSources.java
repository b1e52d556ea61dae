package clinic.threshold.service.report;

import clinic.threshold.data.settings.SettingsRepository;
import clinic.threshold.service.settings.SettingsService;
import clinic.threshold.domain.report.AdverseEventsReport;
import clinic.threshold.domain.report.AttendanceReport;
import clinic.threshold.domain.report.AuthorizationsReport;
import clinic.threshold.domain.report.BillingReport;
import clinic.threshold.domain.report.CompletionReport;
import clinic.threshold.domain.report.MeasurementCareReport;
import clinic.threshold.domain.report.MtComplianceReport;
import clinic.threshold.domain.report.OutcomesReport;
import clinic.threshold.domain.report.Progress;
import clinic.threshold.domain.report.ReportId;
import clinic.threshold.domain.report.ReportParams;
import clinic.threshold.domain.report.ReportResult;
import clinic.threshold.domain.report.TwelveMonthReport;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jooq.DSLContext;

/**
 * Where each report's rows come from and which calculator turns them into figures: the loaders read in bulk inside
 * one read transaction, the domain calculators (domain/report) do the arithmetic.
 */
final class ReportSources {
    private ReportSources() {
    }

    /**
     * The rule values a report's help text names, as in force today, in the order of its message's arguments: the
     * words follow an administrator's edit of a rule instead of quoting the seed.
     */
    static java.util.Map<ReportId, java.util.List<Object>> helpValues(DSLContext dsl, LocalDate today) {
        ReportRules rules = ReportRules.on(dsl, today);
        var scales = new clinic.threshold.data.outcome.OutcomeRepository(dsl).scales();
        var schedule = clinic.threshold.service.tms.PatientCourses.scheduleRules(dsl, today);
        int response = clinic.threshold.service.outcome.OutcomeService.rules(
                new clinic.threshold.data.outcome.OutcomeRepository(dsl).rules(), today).responsePct();
        TwelveMonthReport.Rules measure = TwelveMonthLoader.rules(rules);
        String measured = scales.stream().filter(d -> d.code().equals(measure.scale())).map(d -> d.name()).findFirst()
                .orElse(measure.scale());
        String example = scales.stream().filter(d -> d.code().equals(measure.scale()))
                .map(d -> clinic.threshold.i18n.Messages.get(d.remissionBelow() ? "report.help.cutoff.below"
                        : "report.help.cutoff.atOrBelow", d.name(), d.remissionValue()))
                .findFirst().orElse("");
        java.util.Map<ReportId, java.util.List<Object>> out = new java.util.EnumMap<>(ReportId.class);
        out.put(ReportId.OUTCOMES, java.util.List.of(schedule.baselineDaysBefore(), response, example,
                rules.whole("report.completerMinSessions")));
        out.put(ReportId.ATTENDANCE, java.util.List.of(rules.whole("report.lateCancelHours")));
        out.put(ReportId.ADVERSE_EVENTS, java.util.List.of(rules.decimal("report.seizureBenchmarkPer10000")));
        out.put(ReportId.REMISSION_12_MONTHS, java.util.List.of(measured, measure.indexAbove(), measure.minAge(),
                measure.months(), measure.windowDays(), measure.remissionBelow(), measure.responseReductionPct()));
        return out;
    }

    /** {@code own} limits a clinical report to one clinician's patients (null: every patient). */
    static ReportResult compute(DSLContext dsl, ReportId id, ReportParams p, String own, Clock computer, Progress progress) {
        // Days are the clinic's (its time-zone setting), not the computer's: a scheduled export on a server in UTC
        // counts the same days as the screen.
        Clock clock = computer.withZone(new SettingsRepository(dsl).get(SettingsService.TIME_ZONE).map(ZoneId::of)
                .orElse(computer.getZone()));
        LocalDate today = LocalDate.now(clock);
        ReportRules rules = ReportRules.on(dsl, today);
        clinic.threshold.data.report.GivenSessionCounts counts = new clinic.threshold.data.report.GivenSessionCounts(dsl);
        String clinician = own != null ? own : p.clinician();
        return switch (id) {
            case OUTCOMES -> OutcomesReport.compute(p, OutcomesLoader.load(dsl, p, own, today, progress),
                    rules.whole("report.completerMinSessions"));
            case COMPLETION -> CompletionReport.compute(p, CompletionLoader.load(dsl, p, own, progress));
            case UTILISATION -> UtilisationLoader.run(dsl, p, today);
            case ATTENDANCE -> AttendanceReport.compute(p, AttendanceLoader.load(dsl, p, clock),
                    rules.whole("report.lateCancelHours"));
            case MT_COMPLIANCE -> MtComplianceReport.compute(p, CompletionLoader.mtCourses(dsl, p, own, progress));
            case ADVERSE_EVENTS -> AdverseEventsReport.compute(p,
                    counts.sessionsByProtocol(p.from(), p.to(), p.protocol(), p.technician(), p.payerId(), clinician),
                    counts.adverseEvents(p.from(), p.to(), p.protocol(), p.technician(), p.payerId(), clinician).stream()
                            .map(e -> new AdverseEventsReport.Event(e.type(), e.severity(), e.protocol(), e.patientId())).toList(),
                    rules.decimal("report.seizureBenchmarkPer10000"));
            case BILLING -> BillingReport.compute(p, counts.billedMonths(p.from(), p.to(), p.protocol(), p.payerId()).stream()
                    .map(b -> new BillingReport.Sessions(java.time.YearMonth.of(b.year(), b.month()), b.code(), b.payer(), b.sessions()))
                    .toList());
            case AUTHORIZATIONS -> AuthorizationsReport.compute(p, AuthorizationsLoader.statuses(),
                    AuthorizationsLoader.load(dsl, p, today, clock.getZone()));
            case MEASUREMENT_BASED_CARE -> MeasurementCareReport.compute(p, MeasurementCareLoader.kinds(),
                    MeasurementCareLoader.load(dsl, p, own, today, clock.getZone(), progress));
            case REMISSION_12_MONTHS -> {
                TwelveMonthReport.Rules measure = TwelveMonthLoader.rules(rules);
                yield TwelveMonthReport.compute(p, measure, TwelveMonthLoader.load(dsl, p, own, measure), today,
                        p.groupBy() == ReportParams.GroupBy.PAYER);
            }
            case TRD_PROFILE -> TrdProfileLoader.run(dsl, p, own, today, clock.getZone(), progress);
        };
    }
}
