package clinic.threshold.service.report;

import clinic.threshold.data.history.HistoryRepository;
import clinic.threshold.data.history.ReferenceDataRepository;
import clinic.threshold.data.report.ReportRepository;
import clinic.threshold.domain.history.AssessmentRules;
import clinic.threshold.domain.history.Formulary;
import clinic.threshold.domain.history.MaudsleyBand;
import clinic.threshold.domain.history.PatientHistory;
import clinic.threshold.domain.history.RuleSetting;
import clinic.threshold.domain.history.TrdAssessment;
import clinic.threshold.domain.history.TrdAssessor;
import clinic.threshold.domain.report.Progress;
import clinic.threshold.domain.report.ReportParams;
import clinic.threshold.domain.report.ReportResult;
import clinic.threshold.domain.report.TrdProfileReport;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import static clinic.threshold.data.jooq.Tables.PATIENT;

/**
 * The patients registered in the range (not voided; with the payer and own-patient filters), their histories read in
 * bulk and each assessed as the chart assesses it, as of the range's end (today at the latest), with the formulary and
 * rules in force then.
 */
final class TrdProfileLoader {
    private TrdProfileLoader() {
    }

    static ReportResult run(DSLContext dsl, ReportParams p, String own, LocalDate today, ZoneId zone, Progress progress) {
        LocalDate asOf = p.to() != null && p.to().isBefore(today) ? p.to() : today;
        Condition where = PATIENT.VOIDED.isFalse();
        if (p.from() != null) {
            where = where.and(PATIENT.CREATED_AT.ge(p.from().atStartOfDay(zone).toOffsetDateTime()));
        }
        if (p.to() != null) {
            where = where.and(PATIENT.CREATED_AT.lt(p.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime()));
        }
        if (p.payerId() != null) {
            where = where.and(PATIENT.PAYER_ID.eq(p.payerId()));
        }
        String clinician = own != null ? own : p.clinician();
        if (clinician != null) {
            where = where.and(ReportRepository.ownPatient(clinician));
        }
        var ids = DSL.select(PATIENT.ID).from(PATIENT).where(where);
        List<Long> patients = dsl.fetch(ids).getValues(PATIENT.ID);
        Map<Long, PatientHistory> histories = new HistoryRepository(dsl).loadMany(ids);
        progress.check();
        ReferenceDataRepository ref = new ReferenceDataRepository(dsl);
        AssessmentRules rules = AssessmentRules.from(RuleSetting.inForce(ref.rules(), asOf));
        TrdAssessor assessor = new TrdAssessor(new Formulary(ref.formulary()), rules);
        List<TrdProfileReport.Profile> out = new ArrayList<>();
        for (Long id : patients) {
            PatientHistory h = histories.getOrDefault(id, new PatientHistory(id, List.of(), List.of()));
            TrdAssessment a = assessor.assess(h.toHistory().asOf(asOf), asOf);
            out.add(new TrdProfileReport.Profile(a.failedAdequateTrials(), a.thaseRushStage(),
                    a.currentEpisodeId() == null ? null : a.maudsley().band().name(), a.trd()));
            if (out.size() % 500 == 0) {
                progress.step(out.size(), patients.size());
                progress.check();
            }
        }
        progress.step(patients.size(), patients.size());
        return TrdProfileReport.compute(p, Arrays.stream(MaudsleyBand.values()).map(Enum::name).toList(), out, rules.trdMinFailedTrials());
    }
}
