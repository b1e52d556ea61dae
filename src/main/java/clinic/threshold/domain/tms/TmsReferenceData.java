package clinic.threshold.domain.tms;

import clinic.threshold.domain.history.RuleSetting;
import java.util.List;
import java.util.Map;

/**
 * The TMS reference data as an administrator edits it: protocols, devices (with their row versions), every version
 * of the TMS and outcome rules, the codes of the rating scales a protocol may assess with (and the one a new
 * protocol starts with), and the newest
 * version of the safety screening form with its items.
 */
public record TmsReferenceData(List<Protocol> protocols, List<Device> devices, Map<String, Integer> deviceVersions,
        List<RuleSetting> tmsRules, List<RuleSetting> outcomeRules, List<String> scales, String defaultScale,
        int screeningFormVersion, List<ScreeningItem> screeningForm) {
}
