package clinic.threshold.service.history;

import clinic.threshold.domain.history.DrugClass;
import clinic.threshold.domain.history.Reason;
import clinic.threshold.domain.history.TrdAssessment;
import clinic.threshold.domain.history.TrialVerdict;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.function.Function;

/** Writes an assessment as the JSON that {@code threshold assess} prints (the contract in issue 5). */
public final class AssessmentJson {
    private AssessmentJson() {
    }

    public static String write(String mrn, TrdAssessment a, Function<Reason, String> words) {
        ObjectNode root = HistoryJson.MAPPER.createObjectNode();
        root.put("mrn", mrn);
        root.put("asOf", a.asOf().toString());
        root.put("currentEpisode", a.currentEpisodeId());
        root.put("failedAdequateTrials", a.failedAdequateTrials());
        root.put("distinctFailedClasses", a.distinctFailedClasses());
        ArrayNode classes = root.putArray("failedClasses");
        a.failedClasses().stream().sorted().map(DrugClass::name).forEach(classes::add);
        root.put("intolerances", a.intolerances());
        root.put("failedPsychotherapyTrials", a.failedPsychotherapyTrials());
        root.put("trd", a.trd());
        root.put("thaseRushStage", a.thaseRushStage());
        ArrayNode stageWhy = root.putArray("thaseRushReasons");
        a.thaseRushReasons().forEach(r -> stageWhy.add(words.apply(r)));
        ObjectNode m = root.putObject("maudsley");
        m.put("score", a.maudsley().total());
        m.put("band", a.maudsley().band().name().toLowerCase(Locale.ROOT));
        m.put("durationPoints", a.maudsley().durationPoints());
        m.put("severityPoints", a.maudsley().severityPoints());
        m.put("failurePoints", a.maudsley().failurePoints());
        m.put("augmentationPoints", a.maudsley().augmentationPoints());
        m.put("ectPoints", a.maudsley().ectPoints());
        root.put("mghScore", a.mgh().total());
        ArrayNode trials = root.putArray("trials");
        for (TrialVerdict v : a.trials()) {
            ObjectNode t = trials.addObject();
            t.put("id", v.trialId());
            t.put("adequate", v.adequate());
            t.put("failed", v.failed());
            t.put("intolerance", v.intolerance());
            t.put("weeksAtAdequateDose", BigDecimal.valueOf(v.weeksAtAdequateDose()).setScale(2, RoundingMode.HALF_UP)
                    .stripTrailingZeros());
            StringBuilder reason = new StringBuilder();
            v.reasons().forEach(r -> reason.append(reason.length() == 0 ? "" : " ").append(words.apply(r)));
            t.put("reason", reason.toString());
        }
        try {
            return HistoryJson.MAPPER.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }
}
