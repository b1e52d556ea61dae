package clinic.threshold.export;

import clinic.threshold.domain.payer.Letter;
import clinic.threshold.i18n.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A stored letter on US Letter paper: wrapped paragraphs, tables whose cells wrap inside their column (headings again
 * on a new page), the score chart drawn as lines with the remission cut-off dashed, and "page n of m" in the footer.
 */
public final class LetterPdf {
    private static final PDRectangle PAGE = PDRectangle.LETTER;
    private static final float MARGIN = 64;
    private static final float SIZE = 10.5f;
    private static final float TABLE_SIZE = 8.5f;
    private static final float LEADING = 1.4f;
    private static final float CHART_HEIGHT = 150;
    private final PDDocument doc;
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream out;
    private float y;

    private LetterPdf(PDDocument doc) {
        this.doc = doc;
    }

    public static byte[] render(Letter letter, String footer) {
        try (PDDocument doc = new PDDocument()) {
            LetterPdf pdf = new LetterPdf(doc);
            pdf.newPage();
            pdf.paragraph(letter.title(), pdf.bold, SIZE + 3);
            for (Letter.Block b : letter.blocks()) {
                if (b instanceof Letter.Text t) {
                    pdf.paragraph(t.text(), pdf.regular, SIZE);
                } else if (b instanceof Letter.Table t) {
                    pdf.table(t);
                } else if (b instanceof Letter.Chart c) {
                    pdf.chart(c);
                }
            }
            pdf.out.close();
            pdf.footers(footer);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the letter could not be laid out", e);
        }
    }

    private void paragraph(String text, PDType1Font font, float size) throws IOException {
        for (String line : text.split("\n", -1)) {
            for (String part : wrap(printable(line), font, size, width())) {
                room(size * LEADING);
                show(part, font, size, MARGIN, y);
                y -= size * LEADING;
            }
        }
        y -= size * 0.6f;
    }

    private void table(Letter.Table t) throws IOException {
        int n = t.headings().size();
        float[] w = columnWidths(t);
        float[] x = new float[n];
        float at = MARGIN;
        for (int i = 0; i < n; i++) {
            x[i] = at;
            at += w[i];
        }
        row(t.headings(), x, w, bold, true);
        for (List<String> r : t.rows()) {
            if (row(r, x, w, regular, false)) {
                row(t.headings(), x, w, bold, true);
                row(r, x, w, regular, false);
            }
        }
        y -= SIZE * 0.6f;
    }

    /**
     * Each column at least as wide as its longest word (so no word is cut), and the rest of the line shared by how much
     * more each column would take to print its longest cell on one line.
     */
    private float[] columnWidths(Letter.Table t) throws IOException {
        int n = t.headings().size();
        float[] least = new float[n];
        float[] most = new float[n];
        for (int i = 0; i < n; i++) {
            List<String> cells = new ArrayList<>();
            cells.add(t.headings().get(i));
            for (List<String> r : t.rows()) {
                cells.add(i < r.size() ? r.get(i) : "");
            }
            for (String cell : cells) {
                PDType1Font font = cell == t.headings().get(i) ? bold : regular;
                String text = printable(cell);
                most[i] = Math.max(most[i], width(text, font) + 6);
                for (String word : text.split(" ")) {
                    least[i] = Math.max(least[i], width(word, font) + 6);
                }
            }
        }
        float sumLeast = 0;
        float sumMost = 0;
        for (int i = 0; i < n; i++) {
            sumLeast += least[i];
            sumMost += most[i];
        }
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            if (sumMost <= width()) {
                w[i] = most[i] * width() / sumMost;
            } else if (sumLeast >= width()) {
                w[i] = least[i] * width() / sumLeast;
            } else {
                w[i] = least[i] + (most[i] - least[i]) * (width() - sumLeast) / (sumMost - sumLeast);
            }
        }
        return w;
    }

    private static float width(String text, PDType1Font font) throws IOException {
        return font.getStringWidth(text) / 1000 * TABLE_SIZE;
    }

    /** One table row; true when it did not fit and a new page was started instead (the caller repeats headings). */
    private boolean row(List<String> cells, float[] x, float[] w, PDType1Font font, boolean heading) throws IOException {
        List<List<String>> lines = new ArrayList<>();
        int height = 1;
        for (int i = 0; i < x.length; i++) {
            List<String> wrapped = wrap(printable(i < cells.size() ? cells.get(i) : ""), font, TABLE_SIZE, w[i] - 4);
            lines.add(wrapped);
            height = Math.max(height, wrapped.size());
        }
        float h = height * TABLE_SIZE * LEADING;
        if (y - h < bottom() && !heading) {
            newPage();
            return true;
        }
        room(h);
        for (int i = 0; i < x.length; i++) {
            for (int l = 0; l < lines.get(i).size(); l++) {
                show(lines.get(i).get(l), font, TABLE_SIZE, x[i], y - l * TABLE_SIZE * LEADING);
            }
        }
        y -= h;
        out.setLineWidth(heading ? 0.8f : 0.3f);
        out.moveTo(MARGIN, y + TABLE_SIZE * 0.9f);
        out.lineTo(MARGIN + width(), y + TABLE_SIZE * 0.9f);
        out.stroke();
        return false;
    }

    private void chart(Letter.Chart c) throws IOException {
        room(CHART_HEIGHT + SIZE * 4);
        show(printable(c.title()), bold, SIZE, MARGIN, y);
        y -= SIZE * 1.5f;
        float left = MARGIN + 24;
        float right = MARGIN + width() - 8;
        float top = y;
        float base = y - CHART_HEIGHT;
        out.setLineWidth(0.6f);
        out.moveTo(left, top);
        out.lineTo(left, base);
        out.lineTo(right, base);
        out.stroke();
        show(Integer.toString(c.max()), regular, TABLE_SIZE, MARGIN, top - TABLE_SIZE);
        show("0", regular, TABLE_SIZE, MARGIN, base);
        if (c.cutoff() != null) {
            float cy = base + CHART_HEIGHT * c.cutoff() / Math.max(1, c.max());
            out.setLineDashPattern(new float[] {3, 3}, 0);
            out.moveTo(left, cy);
            out.lineTo(right, cy);
            out.stroke();
            out.setLineDashPattern(new float[] {}, 0);
            show(printable(Messages.get("letter.chart.cutoff", c.cutoff())), regular, TABLE_SIZE, right - 90, cy + 3);
        }
        List<Letter.Point> pts = c.points();
        if (!pts.isEmpty()) {
            long span = Math.max(1, ChronoUnit.DAYS.between(pts.get(0).date(), pts.get(pts.size() - 1).date()));
            out.setLineWidth(1.4f);
            for (int i = 0; i < pts.size(); i++) {
                float px = left + (right - left - 10) * ChronoUnit.DAYS.between(pts.get(0).date(), pts.get(i).date()) / span + 5;
                float py = base + CHART_HEIGHT * pts.get(i).value() / Math.max(1, c.max());
                if (i == 0) {
                    out.moveTo(px, py);
                } else {
                    out.lineTo(px, py);
                }
            }
            out.stroke();
            for (Letter.Point p : pts) {
                float px = left + (right - left - 10) * ChronoUnit.DAYS.between(pts.get(0).date(), p.date()) / span + 5;
                float py = base + CHART_HEIGHT * p.value() / Math.max(1, c.max());
                out.addRect(px - 2, py - 2, 4, 4);
                out.fill();
                show(Integer.toString(p.value()), regular, TABLE_SIZE - 1, px - 4, py + 5);
            }
            show(pts.get(0).date().toString(), regular, TABLE_SIZE, left, base - TABLE_SIZE * 1.4f);
            String last = pts.get(pts.size() - 1).date().toString();
            show(last, regular, TABLE_SIZE, right - regular.getStringWidth(last) / 1000 * TABLE_SIZE, base - TABLE_SIZE * 1.4f);
        }
        y = base - SIZE * 3;
    }

    private void show(String text, PDType1Font font, float size, float x, float at) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, at);
        out.showText(text);
        out.endText();
    }

    private void room(float needed) throws IOException {
        if (y - needed < bottom()) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = PAGE.getHeight() - MARGIN;
    }

    private float width() {
        return PAGE.getWidth() - 2 * MARGIN;
    }

    private static float bottom() {
        return MARGIN;
    }

    private void footers(String footer) throws IOException {
        int n = doc.getNumberOfPages();
        for (int i = 0; i < n; i++) {
            try (PDPageContentStream s = new PDPageContentStream(doc, doc.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                String text = printable(Messages.get("letter.footer", footer, i + 1, n));
                s.beginText();
                s.setFont(regular, 8);
                s.newLineAtOffset(MARGIN, MARGIN / 2);
                s.showText(text);
                s.endText();
            }
        }
    }

    /** Words laid into lines no wider than {@code room}; a word longer than a line is cut. */
    private static List<String> wrap(String text, PDType1Font font, float size, float room) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size <= room || line.isEmpty() && word.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            String rest = word;
            while (font.getStringWidth(rest) / 1000 * size > room && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && font.getStringWidth(rest.substring(0, cut)) / 1000 * size > room) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.setLength(0);
            line.append(rest);
        }
        lines.add(line.toString());
        return lines;
    }

    private String printable(String s) {
        return WinAnsi.printable(regular, s);
    }
}
