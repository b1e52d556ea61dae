package clinic.threshold.service.tms;

import clinic.threshold.domain.history.Confidence;
import clinic.threshold.domain.history.RuleSetting;
import clinic.threshold.domain.tms.BillingCode;
import clinic.threshold.domain.tms.BillingRule;
import clinic.threshold.domain.tms.CourseTemplate;
import clinic.threshold.domain.tms.Device;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.domain.tms.ScreeningItem;
import clinic.threshold.domain.tms.ScreeningSeverity;
import clinic.threshold.service.history.SeedReference;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The TMS seed reference data shipped with Threshold ({@code reference/tms-*.tsv}, {@code billing-codes.tsv}):
 * what V016 seeds, and what {@code threshold plan-course} and {@code threshold protocols} use, since they read
 * no database. A test keeps the migration's rows equal to these files.
 */
public final class TmsSeedReference {
    private TmsSeedReference() {
    }

    public static List<Protocol> protocols() {
        List<Protocol> out = new ArrayList<>();
        for (String[] c : SeedReference.tsv("/reference/tms-protocols.tsv", 23)) {
            CourseTemplate t = new CourseTemplate(num(c[13]), num(c[14]), num(c[15]), num(c[16]),
                    CourseTemplate.parsePattern(c[17]));
            out.add(new Protocol(c[0], c[1], new BigDecimal(c[2]), num(c[3]), num(c[4]), num(c[5]), num(c[6]),
                    new BigDecimal(c[7]), new BigDecimal(c[8]), num(c[9]), new BigDecimal(c[10]), num(c[11]), num(c[12]), t,
                    c[18], num(c[19]), Boolean.parseBoolean(c[20]), true, Confidence.ofTag(c[21]), c[22], 0));
        }
        return out;
    }

    public static List<Device> devices() {
        return SeedReference.tsv("/reference/tms-devices.tsv", 6).stream().map(c -> new Device(c[0], c[1], c[2], num(c[3]),
                true, Confidence.ofTag(c[4]), c[5])).toList();
    }

    public static List<BillingCode> billingCodes() {
        return SeedReference.tsv("/reference/billing-codes.tsv", 5).stream().map(c -> new BillingCode(c[0],
                BillingRule.valueOf(c[1]), c[2], Confidence.ofTag(c[3]), c[4])).toList();
    }

    public static List<RuleSetting> rules() {
        return SeedReference.tsv("/reference/tms-rules.tsv", 5).stream().map(c -> new RuleSetting(c[0], c[1],
                Confidence.ofTag(c[2]), c[3], LocalDate.parse(c[4]))).toList();
    }

    public static List<ScreeningItem> screeningForm() {
        return SeedReference.tsv("/reference/tms-screening.tsv", 6).stream().map(c -> new ScreeningItem(num(c[1]), c[2],
                ScreeningSeverity.valueOf(c[3]), Confidence.ofTag(c[4]), c[5])).toList();
    }

    private static int num(String s) {
        return Integer.parseInt(s.strip());
    }
}
