package clinic.threshold.ui.common;

import javafx.beans.property.StringProperty;

/**
 * JavaFX password fields hold text as a String, which cannot be wiped; the text is copied out as a
 * char[] at the moment of use and the field is emptied at once, so the String lives as briefly as it can.
 */
public final class Passwords {
    private Passwords() {
    }

    public static char[] take(StringProperty field) {
        String s = field.get();
        field.set("");
        return s == null ? new char[0] : s.toCharArray();
    }
}
