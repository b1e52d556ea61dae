package clinic.threshold.domain.payer;

import clinic.threshold.domain.common.Violation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders a letter template may use, per kind of letter. Inline ones stand for a few words; block ones (a
 * table, the chart, the signature) stand alone as a paragraph. A template naming anything else is refused, so a typo
 * never reaches a payer as a literal "{patient.nmae}".
 */
public final class Placeholders {
    private static final Pattern NAME = Pattern.compile("\\{([A-Za-z0-9.]+)}");
    /** The letter_template columns' sizes (V022). */
    private static final int MAX_TITLE = 200;
    private static final int MAX_BODY = 20_000;

    /** Placeholders every letter may use. */
    public static final Set<String> COMMON = Set.of("date", "clinic", "patient.name", "patient.birthDate", "patient.mrn",
            "patient.memberId", "payer", "plan", "diagnosis", "episode.onset", "severity", "failedTrials", "classes",
            "psychotherapy", "screening", "protocol", "sessions", "billingCodes", "clinician");
    /** Placeholders that are a whole paragraph of their own. */
    public static final Set<String> BLOCKS = Set.of("trialTable", "scoreTable", "psychotherapyTable", "signature", "scoreChart");
    private static final Map<AuthKind, Set<String>> EXTRA = new EnumMap<>(Map.of(
            AuthKind.INITIAL, Set.of(),
            AuthKind.EXTENSION, Set.of("course.start", "course.delivered", "course.scale", "course.baseline", "course.latest",
                    "course.improvement", "extension.sessions", "authorization.number"),
            AuthKind.RETREATMENT, Set.of("prior.start", "prior.end", "prior.sessions", "prior.scale", "prior.baseline",
                    "prior.last", "prior.improvement", "relapse")));
    /** Data a letter of each kind cannot go without, whether or not the template prints it. */
    private static final Map<AuthKind, Set<String>> REQUIRED = new EnumMap<>(Map.of(
            AuthKind.INITIAL, Set.of("patient.memberId", "payer", "diagnosis", "severity", "trialTable", "screening", "protocol",
                    "sessions", "clinician"),
            AuthKind.EXTENSION, Set.of("patient.memberId", "payer", "diagnosis", "course.baseline", "course.latest",
                    "course.improvement", "extension.sessions", "clinician"),
            AuthKind.RETREATMENT, Set.of("patient.memberId", "payer", "diagnosis", "prior.baseline", "prior.last", "prior.improvement", "relapse",
                    "protocol", "sessions", "clinician")));

    private Placeholders() {
    }

    /** Every placeholder a template of this kind may name. */
    public static Set<String> allowed(AuthKind kind) {
        Set<String> all = new LinkedHashSet<>(COMMON);
        all.addAll(BLOCKS);
        all.addAll(EXTRA.get(kind));
        return all;
    }

    /** The placeholders a letter needs filled: the required ones for its kind and every one its template uses. */
    public static Set<String> needed(LetterTemplate t) {
        Set<String> out = new LinkedHashSet<>(REQUIRED.get(t.kind()));
        out.addAll(used(t.body()));
        return out;
    }

    /** The placeholder names in a text, in order of first use. */
    public static Set<String> used(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = NAME.matcher(text == null ? "" : text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** What is wrong with a template: no title or body, unknown placeholders, stray braces, blocks inside a sentence. */
    public static List<Violation> check(LetterTemplate t) {
        List<Violation> out = new ArrayList<>();
        if (t.title() == null || t.title().isBlank()) {
            out.add(Violation.of("title", "validation.required"));
        } else if (t.title().length() > MAX_TITLE) {
            out.add(Violation.of("title", "validation.tooLong", MAX_TITLE));
        } else if (t.title().indexOf('{') >= 0 || t.title().indexOf('}') >= 0) {
            out.add(Violation.of("title", "letter.error.titlePlaceholder"));
        }
        if (t.body() == null || t.body().isBlank()) {
            out.add(Violation.of("body", "validation.required"));
            return out;
        }
        if (t.body().length() > MAX_BODY) {
            out.add(Violation.of("body", "validation.tooLong", MAX_BODY));
        }
        Set<String> allowed = allowed(t.kind());
        for (String name : used(t.body())) {
            if (!allowed.contains(name)) {
                out.add(Violation.of("body", "letter.error.unknownPlaceholder", name, t.kind()));
            }
        }
        String stripped = NAME.matcher(t.body()).replaceAll("");
        if (stripped.indexOf('{') >= 0 || stripped.indexOf('}') >= 0) {
            out.add(Violation.of("body", "letter.error.brace"));
        }
        for (String paragraph : paragraphs(t.body())) {
            for (String name : used(paragraph)) {
                if (BLOCKS.contains(name) && !paragraph.strip().equals("{" + name + "}")) {
                    out.add(Violation.of("body", "letter.error.blockInline", name));
                }
            }
        }
        return out;
    }

    /** A template's paragraphs: runs of text between blank lines, each trimmed. */
    public static List<String> paragraphs(String body) {
        List<String> out = new ArrayList<>();
        for (String p : body.replace("\r\n", "\n").split("\\n\\s*\\n")) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }
}
