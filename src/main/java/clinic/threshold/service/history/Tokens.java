package clinic.threshold.service.history;

import java.util.Locale;
import java.util.Optional;

/**
 * The interchange format's value tokens: lower case with hyphens ({@code partial-response},
 * {@code severe-psychotic}) for enum constants written in upper case with underscores. Psychotherapy
 * modalities keep their acronyms ({@code CBT}) and {@code other}.
 */
final class Tokens {
    private Tokens() {
    }

    static String of(Enum<?> e) {
        if (e == null) {
            return null;
        }
        if (e instanceof clinic.threshold.domain.history.Modality m && m != clinic.threshold.domain.history.Modality.OTHER) {
            return m.name();
        }
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant for {@code token} (any case), if there is one. */
    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String token) {
        String name = token.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The accepted tokens of {@code type}, for the error message. */
    static <E extends Enum<E>> String list(Class<E> type) {
        StringBuilder b = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            b.append(b.length() == 0 ? "" : "|").append(of(e));
        }
        return b.toString();
    }
}
