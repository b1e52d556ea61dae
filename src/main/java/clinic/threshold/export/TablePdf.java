package clinic.threshold.export;

import clinic.threshold.i18n.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A titled table over as many pages as it takes, in the type of the medication plan PDF (Helvetica, WinAnsi
 * only): sections under their headings, the column headings again at the top of every page a section runs on,
 * one line per row with each cell cut to its column (an ellipsis shows the cut), and a footer with "page n of m"
 * on every page. (The medication plan's writer is private to its package and wraps paragraphs; a run sheet needs
 * columns.)
 */
public final class TablePdf {
    /** US Letter turned sideways: nine columns of a run sheet fit across. */
    public static final PDRectangle LANDSCAPE = new PDRectangle(PDRectangle.LETTER.getHeight(), PDRectangle.LETTER.getWidth());
    private static final float MARGIN = 36;
    private static final float FOOTER = 9;

    /** A column heading and its share of the width. */
    public record Column(String heading, float weight) {
    }

    /** Rows under a heading; each row has one cell per column. */
    public record Section(String heading, List<List<String>> rows) {
    }

    private final PDDocument doc;
    private final PDRectangle pageSize;
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final float size;
    private final float leading;
    private final List<Column> columns;
    private final float[] x;
    private final float[] width;
    private PDPageContentStream out;
    private float y;

    private TablePdf(PDDocument doc, PDRectangle pageSize, float size, List<Column> columns) {
        this.doc = doc;
        this.pageSize = pageSize;
        this.size = size;
        this.leading = size * 1.6f;
        this.columns = columns;
        float total = columns.stream().map(Column::weight).reduce(0f, Float::sum);
        float usable = pageSize.getWidth() - 2 * MARGIN;
        x = new float[columns.size()];
        width = new float[columns.size()];
        float at = MARGIN;
        for (int i = 0; i < columns.size(); i++) {
            x[i] = at;
            width[i] = usable * columns.get(i).weight() / total;
            at += width[i];
        }
    }

    /** The document as bytes: {@code empty} stands in for the table when there are no sections. */
    public static byte[] render(PDRectangle pageSize, float size, String title, String subtitle, List<Column> columns,
            List<Section> sections, String empty, String footer) throws IOException {
        return render(pageSize, size, title, subtitle, null, columns, sections, empty, footer);
    }

    /** As {@link #render}, with {@code bars} (when not null) drawn between the subtitle and the table. */
    public static byte[] render(PDRectangle pageSize, float size, String title, String subtitle, Bars bars, List<Column> columns,
            List<Section> sections, String empty, String footer) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            TablePdf t = new TablePdf(doc, pageSize, size, columns);
            t.newPage();
            t.text(title, t.bold, size + 7, MARGIN);
            t.y -= (size + 7) * 1.5f;
            t.text(subtitle, t.regular, size + 1, MARGIN);
            t.y -= t.leading * 1.5f;
            if (bars != null && !bars.categories().isEmpty()) {
                t.bars(bars);
            }
            if (sections.isEmpty()) {
                t.text(empty, t.regular, size + 2, MARGIN);
            }
            for (Section s : sections) {
                t.section(s);
            }
            t.out.close();
            t.footers(footer);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        }
    }

    /**
     * A grouped bar chart: one group of bars per category, one shade per series, a legend, the value over each bar and
     * the axis from 0 to {@code max} ({@code unit} after the top value).
     */
    public record Bars(List<String> categories, List<String> series, List<List<Double>> values, double max, String unit) {
    }

    private static final float CHART_HEIGHT = 150;
    private static final float[] SHADES = {0.25f, 0.55f, 0.75f, 0.4f};

    private void bars(Bars b) throws IOException {
        float left = MARGIN + 30;
        float right = pageSize.getWidth() - MARGIN;
        float top = y;
        float base = y - CHART_HEIGHT;
        out.setLineWidth(0.6f);
        out.moveTo(left, top);
        out.lineTo(left, base);
        out.lineTo(right, base);
        out.stroke();
        text(fmt(b.max()) + b.unit(), regular, size, MARGIN, top - size);
        text("0", regular, size, MARGIN, base);
        int n = b.categories().size();
        int k = Math.max(1, b.series().size());
        float group = (right - left) / n;
        float bar = Math.min(28, group * 0.8f / k);
        for (int c = 0; c < n; c++) {
            float gx = left + c * group + (group - bar * k) / 2;
            for (int s = 0; s < k; s++) {
                Double v = c < b.values().size() && s < b.values().get(c).size() ? b.values().get(c).get(s) : null;
                if (v == null) {
                    continue;
                }
                float h = (float) (CHART_HEIGHT * Math.max(0, v) / Math.max(1e-9, b.max()));
                out.setNonStrokingColor(SHADES[s % SHADES.length]);
                out.addRect(gx + s * bar, base, bar - 2, h);
                out.fill();
                out.setNonStrokingColor(0f);
                text(fmt(v), regular, size - 2, gx + s * bar, base + h + 2);
            }
            out.beginText();
            out.setFont(regular, size - 1);
            out.newLineAtOffset(left + c * group + 2, base - size - 2);
            out.showText(fit(printable(b.categories().get(c)), regular, size - 1, group - 4));
            out.endText();
        }
        float lx = left;
        float ly = base - 2.6f * size - 4;
        for (int s = 0; s < b.series().size(); s++) {
            out.setNonStrokingColor(SHADES[s % SHADES.length]);
            out.addRect(lx, ly, size, size * 0.8f);
            out.fill();
            out.setNonStrokingColor(0f);
            String label = printable(b.series().get(s));
            text(label, regular, size, lx + size + 4, ly);
            lx += size + 14 + regular.getStringWidth(label) / 1000 * size;
        }
        y = ly - leading * 1.5f;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    private void text(String text, PDType1Font font, float fontSize, float at, float atY) throws IOException {
        out.beginText();
        out.setFont(font, fontSize);
        out.newLineAtOffset(at, atY);
        out.showText(fit(printable(text), font, fontSize, pageSize.getWidth() - MARGIN - at));
        out.endText();
    }

    private void section(Section s) throws IOException {
        // A heading is never left alone at the foot of a page: it needs room for itself, the headings and a row.
        if (y - 3 * leading < bottom()) {
            newPage();
        }
        heading(s.heading());
        for (int r = 0; r < s.rows().size(); r++) {
            if (y - leading < bottom()) {
                newPage();
                heading(Messages.get("export.continued", s.heading()));
            }
            if (r % 2 == 1) {
                // Every other row shaded, so a line is easy to follow across a wide page.
                out.setNonStrokingColor(0.92f);
                out.addRect(MARGIN, y - size * 0.45f, pageSize.getWidth() - 2 * MARGIN, leading);
                out.fill();
                out.setNonStrokingColor(0f);
            }
            row(s.rows().get(r), regular);
        }
        y -= leading / 2;
    }

    private void heading(String text) throws IOException {
        text(text, bold, size + 2, MARGIN);
        y -= leading * 1.2f;
        row(columns.stream().map(Column::heading).toList(), bold);
        out.setLineWidth(0.5f);
        out.moveTo(MARGIN, y + leading - size * 0.45f);
        out.lineTo(pageSize.getWidth() - MARGIN, y + leading - size * 0.45f);
        out.stroke();
    }

    private void row(List<String> cells, PDType1Font font) throws IOException {
        for (int i = 0; i < columns.size() && i < cells.size(); i++) {
            String cell = cells.get(i);
            if (cell != null && !cell.isEmpty()) {
                out.beginText();
                out.setFont(font, size);
                out.newLineAtOffset(x[i], y);
                out.showText(fit(printable(cell), font, width[i] - 4));
                out.endText();
            }
        }
        y -= leading;
    }

    private void text(String text, PDType1Font font, float fontSize, float at) throws IOException {
        out.beginText();
        out.setFont(font, fontSize);
        out.newLineAtOffset(at, y);
        out.showText(fit(printable(text), font, fontSize, pageSize.getWidth() - MARGIN - at));
        out.endText();
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(pageSize);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = pageSize.getHeight() - MARGIN - size;
    }

    private float bottom() {
        return MARGIN + FOOTER * 2;
    }

    /** The footer text and "page n of m", added once the number of pages is known. */
    private void footers(String footer) throws IOException {
        int n = doc.getNumberOfPages();
        for (int i = 0; i < n; i++) {
            PDPage page = doc.getPage(i);
            try (PDPageContentStream s = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                String pageText = printable(Messages.get("export.page", i + 1, n));
                float pageWidth = regular.getStringWidth(pageText) / 1000 * FOOTER;
                s.beginText();
                s.setFont(regular, FOOTER);
                s.newLineAtOffset(MARGIN, MARGIN);
                s.showText(fit(printable(footer), regular, FOOTER, pageSize.getWidth() - 2 * MARGIN - pageWidth - 12));
                s.endText();
                s.beginText();
                s.setFont(regular, FOOTER);
                s.newLineAtOffset(pageSize.getWidth() - MARGIN - pageWidth, MARGIN);
                s.showText(pageText);
                s.endText();
            }
        }
    }

    private String fit(String s, PDType1Font font, float room) throws IOException {
        return fit(s, font, size, room);
    }

    /** The text cut (with an ellipsis) to what fits in {@code room} points. */
    private static String fit(String s, PDType1Font font, float fontSize, float room) throws IOException {
        if (font.getStringWidth(s) / 1000 * fontSize <= room) {
            return s;
        }
        String cut = s;
        while (!cut.isEmpty() && font.getStringWidth(cut + "\u2026") / 1000 * fontSize > room) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut.stripTrailing() + "\u2026";
    }

    private String printable(String s) {
        return WinAnsi.printable(regular, s);
    }
}
