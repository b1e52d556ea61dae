package clinic.threshold.service.report;

import clinic.threshold.data.report.ReportRepository;
import clinic.threshold.domain.report.ReportParams;
import clinic.threshold.domain.report.TwelveMonthReport;
import clinic.threshold.i18n.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * The measure's rules as in force today and every patient's scores on its instrument (one statement), with their
 * primary diagnosis, age and payer; the breakdown is by payer when asked for, otherwise the clinic as a whole.
 */
final class TwelveMonthLoader {
    private TwelveMonthLoader() {
    }

    static TwelveMonthReport.Rules rules(ReportRules r) {
        return new TwelveMonthReport.Rules(r.text("report.cms159.scale"), r.whole("report.cms159.indexAbove"), r.whole("report.cms159.remissionBelow"),
                r.whole("report.cms159.months"), r.whole("report.cms159.windowDays"), r.whole("report.cms159.minAge"),
                r.whole("report.cms159.responseReductionPct"), r.list("report.cms159.diagnosisCodes"),
                r.list("report.cms159.excludedCodes"));
    }

    static List<TwelveMonthReport.Patient> load(DSLContext dsl, ReportParams p, String own, TwelveMonthReport.Rules rules) {
        String scale = rules.scale();
        Map<Long, List<ReportRepository.ScoreRow>> byPatient = new LinkedHashMap<>();
        for (ReportRepository.ScoreRow s : new ReportRepository(dsl).scores(scale, p.payerId(), own != null ? own : p.clinician())) {
            byPatient.computeIfAbsent(s.patientId(), k -> new ArrayList<>()).add(s);
        }
        List<TwelveMonthReport.Patient> out = new ArrayList<>();
        for (List<ReportRepository.ScoreRow> rows : byPatient.values()) {
            ReportRepository.ScoreRow first = rows.get(0);
            out.add(new TwelveMonthReport.Patient(first.birthDate(), first.diagnosis(),
                    first.payer() == null ? Messages.get("report.group.noPayer") : first.payer(),
                    rows.stream().map(r -> new TwelveMonthReport.Score(r.ratedOn(), r.total())).toList()));
        }
        return out;
    }
}
