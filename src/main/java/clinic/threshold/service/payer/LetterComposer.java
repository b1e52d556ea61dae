package clinic.threshold.service.payer;

import clinic.threshold.domain.payer.Letter;
import clinic.threshold.domain.payer.LetterTemplate;
import clinic.threshold.domain.payer.Placeholders;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills a template from the chart's values: a finished letter, or the list of what the chart still lacks. */
final class LetterComposer {
    private static final Pattern NAME = Pattern.compile("\\{([A-Za-z0-9.]+)}");

    /** Either a letter or the placeholders with nothing to fill them (never both). */
    record Result(Letter letter, List<String> missing) {
    }

    private LetterComposer() {
    }

    static Result compose(LetterTemplate t, Map<String, Object> values, LocalDate date) {
        List<String> missing = Placeholders.needed(t).stream().filter(name -> !values.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            return new Result(null, missing);
        }
        List<Letter.Block> blocks = new ArrayList<>();
        for (String paragraph : Placeholders.paragraphs(t.body())) {
            String only = paragraph.startsWith("{") && paragraph.endsWith("}") ? paragraph.substring(1, paragraph.length() - 1) : null;
            if (only != null && Placeholders.BLOCKS.contains(only)) {
                Object v = values.get(only);
                if (v instanceof Letter.Block b && !(b instanceof Letter.Text text && text.text().isEmpty())) {
                    blocks.add(b);
                }
                continue;
            }
            Matcher m = NAME.matcher(paragraph);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(values.get(m.group(1)))));
            }
            m.appendTail(out);
            blocks.add(new Letter.Text(out.toString()));
        }
        return new Result(new Letter(t.kind(), t.version(), t.title(), date, blocks), List.of());
    }
}
