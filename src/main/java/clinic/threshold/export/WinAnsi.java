package clinic.threshold.export;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.font.PDType1Font;

/**
 * The PDFs use the standard fonts, which encode WinAnsi only: anything else (a name in another script, a control
 * character) becomes "?" instead of failing the whole document.
 */
final class WinAnsi {
    private WinAnsi() {
    }

    static String printable(PDType1Font font, String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> b.append(hasGlyph(font, cp) ? new String(Character.toChars(cp)) : "?"));
        return b.toString();
    }

    private static boolean hasGlyph(PDType1Font font, int cp) {
        if (Character.isISOControl(cp)) {
            return false;
        }
        try {
            font.encode(new String(Character.toChars(cp)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
