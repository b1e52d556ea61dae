package clinic.threshold.domain.patient;

import java.util.regex.Pattern;

/**
 * The clinic's medical record number: "TH", six digits from a database sequence, and a Luhn check
 * digit, e.g. TH0000018. The check digit catches a mistyped MRN. A user may replace a generated MRN
 * (say, to keep the number from a previous system) only with another number that passes this rule.
 */
public final class MrnRule {
    public static final String PREFIX = "TH";
    private static final Pattern FORMAT = Pattern.compile("TH\\d{7}");
    private static final long MAX_SEQUENCE = 999_999L;

    private MrnRule() {
    }

    public static String fromSequence(long sequence) {
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("MRN sequence out of range: " + sequence);
        }
        String body = String.format("%06d", sequence);
        return PREFIX + body + checkDigit(body);
    }

    public static boolean isValid(String mrn) {
        if (mrn == null || !FORMAT.matcher(mrn).matches()) {
            return false;
        }
        String body = mrn.substring(2, 8);
        return mrn.charAt(8) - '0' == checkDigit(body);
    }

    /** Luhn mod-10 check digit over the body's digits. */
    static int checkDigit(String digits) {
        int sum = 0;
        boolean dbl = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return (10 - sum % 10) % 10;
    }
}
