package clinic.threshold.domain.tms;

import clinic.threshold.domain.history.RuleSetting;
import java.util.List;
import java.util.Map;

/**
 * The TMS reference data as an administrator edits it: protocols, devices (with their row versions), every version
 * of the TMS and outcome rules, and the codes of the rating scales a protocol may assess with.
 */
public record TmsReferenceData(List<Protocol> protocols, List<Device> devices, Map<String, Integer> deviceVersions,
        List<RuleSetting> tmsRules, List<RuleSetting> outcomeRules, List<String> scales, String defaultScale) {
}
