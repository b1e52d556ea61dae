package clinic.threshold.service.schedule;

/**
 * RFC 4180 rows ending in CRLF. A field with a comma, a quote or a line break is quoted with its quotes doubled;
 * one starting with = + - @ (or a tab or carriage return) gets a leading {@code '} so that a spreadsheet opening
 * the file shows it as text instead of running it as a formula, the same guard as the audit CSV.
 */
final class CsvWriter {
    private static final String FORMULA_START = "=+-@\t\r";

    private final StringBuilder out = new StringBuilder();

    CsvWriter row(String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields[i]));
        }
        out.append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String field(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        boolean guarded = FORMULA_START.indexOf(s.charAt(0)) >= 0;
        String safe = guarded ? "'" + s : s;
        boolean quote = guarded || safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r");
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
