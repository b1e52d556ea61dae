package clinic.threshold.i18n;

import clinic.threshold.domain.common.Violation;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Text the user reads, from {@code i18n/messages*.properties}. Keys are stable and dotted; a test fails
 * when code or FXML uses a key the bundle lacks.
 */
public final class Messages {
    public static final String BUNDLE = "clinic.threshold.i18n.messages";

    private static volatile ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.getDefault());

    private Messages() {
    }

    public static ResourceBundle bundle() {
        return bundle;
    }

    /** The text for {@code key}, with {@code args} placed by {@link MessageFormat}. */
    public static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
    }

    /** The words for an assessment reason; enum arguments are shown by their labels. */
    public static String reason(clinic.threshold.domain.history.Reason r) {
        return get(r.key(), r.args().stream().map(a -> a instanceof Enum<?> e ? label(e) : a).toArray());
    }

    /** The label of a domain enum value ({@code history.enum.TrialOutcome.NO_RESPONSE}: "no response"). */
    public static String label(Enum<?> e) {
        return get("history.enum." + e.getDeclaringClass().getSimpleName() + "." + e.name());
    }

    /** The message of a violation alone, e.g. "is required". */
    public static String violationMessage(Violation v) {
        return get(v.messageKey(), v.args().stream().map(Messages::shown).toArray());
    }

    /** A message whose values may be weekdays or times: "Monday", "08:00". */
    public static String withValues(String key, java.util.List<Object> args) {
        return get(key, args.stream().map(Messages::shown).toArray());
    }

    private static Object shown(Object a) {
        if (a instanceof java.time.DayOfWeek d) {
            // The base bundle (root locale) is English; the root locale itself would print "Sat".
            Locale words = bundle.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH : bundle.getLocale();
            return d.getDisplayName(java.time.format.TextStyle.FULL, words);
        }
        if (a instanceof java.time.LocalTime t) {
            return t.format(java.time.format.DateTimeFormatter.ofPattern("HH:mm"));
        }
        return a;
    }

    /** The violation with its field's label, e.g. "Family name: is required". */
    public static String describe(Violation v) {
        return get("violation.format", get("field." + v.field()), violationMessage(v));
    }
}
