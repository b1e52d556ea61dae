package clinic.threshold.domain.payer;

/**
 * The text of one kind of letter, version by version: paragraphs separated by blank lines, with {@code {name}}
 * placeholders filled from the chart (see {@link Placeholders}).
 */
public record LetterTemplate(AuthKind kind, int version, String title, String body) {
}
