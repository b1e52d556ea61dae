package clinic.threshold.service.medication;

import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.patient.PatientRepository;
import clinic.threshold.domain.audit.AuditCategory;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.common.NotFoundException;
import clinic.threshold.domain.medication.MedicationOverview;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.i18n.Messages;
import clinic.threshold.service.common.Guard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Writes the patient's medication plan as a PDF (A4/Letter-neutral margins, large type): the sheet of
 * {@link PatientPlanSheet}, wrapped and paged. Written to a temporary file beside the target and moved into
 * place, so a failed write never leaves half a document. Printing is audited as an export.
 */
public final class MedicationPlanPdf {
    private static final float MARGIN = 56;
    private static final float BODY = 12;
    private static final float LEADING = 17;

    private final Transactor tx;
    private final Clock clock;
    private final Guard guard;
    private final MedicationService medications;

    public MedicationPlanPdf(Transactor tx, Clock clock, Guard guard, MedicationService medications) {
        this.tx = tx;
        this.clock = clock;
        this.guard = guard;
        this.medications = medications;
    }

    public void write(long patientId, Path file) {
        UserSession s = guard.require(Permission.MEDICATION_READ, "medication.plan.print", patientId);
        MedicationOverview o = medications.overview(patientId);
        Patient p = tx.read(dsl -> new PatientRepository(dsl).findById(patientId))
                .orElseThrow(() -> new NotFoundException("Patient", patientId));
        PatientPlanSheet sheet = PatientPlanSheet.of(p.details(), o, LocalDate.now(clock));
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try {
            render(sheet, tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the temporary file is ours; a leftover one is harmless
            }
            throw new UncheckedIOException(e);
        }
        tx.inTransaction(dsl -> {
            guard.audit().append(dsl, s.actor(), new AuditEntry("medication.plan.print", AuditCategory.EXPORT, patientId,
                    "patient", Long.toString(patientId), AuditOutcome.SUCCESS, sheet.now().size() + " current, "
                    + sheet.changes().size() + " change(s)"));
            return null;
        });
    }

    static void render(PatientPlanSheet sheet, Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            Writer w = new Writer(doc, regular, bold);
            w.line(sheet.title(), bold, 18);
            w.gap();
            w.line(sheet.patientLine(), regular, BODY);
            w.line(sheet.printedLine(), regular, BODY);
            w.gap();
            w.line(Messages.get("medication.sheet.nowTitle"), bold, 14);
            if (sheet.now().isEmpty()) {
                w.line(Messages.get("medication.sheet.nothingNow"), regular, BODY);
            }
            sheet.now().forEach(t -> w.paragraph("\u2022 " + t));
            w.gap();
            w.line(Messages.get("medication.sheet.changesTitle"), bold, 14);
            if (sheet.changes().isEmpty()) {
                w.line(Messages.get("medication.sheet.noChanges"), regular, BODY);
            }
            sheet.changes().forEach(t -> w.paragraph("\u2022 " + t));
            w.gap();
            w.paragraph(sheet.footer());
            w.close();
            doc.save(file.toFile());
        }
    }

    /** Lines top to bottom, wrapping at the margin and starting a new page when one is full. */
    private static final class Writer {
        private final PDDocument doc;
        private final PDType1Font regular;
        private PDPageContentStream out;
        private float y;
        private final float width;

        Writer(PDDocument doc, PDType1Font regular, PDType1Font bold) throws IOException {
            this.doc = doc;
            this.regular = regular;
            this.width = PDRectangle.LETTER.getWidth() - 2 * MARGIN;
            newPage();
        }

        private void newPage() throws IOException {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            out = new PDPageContentStream(doc, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }

        void line(String text, PDType1Font font, float size) {
            try {
                if (y < MARGIN + LEADING) {
                    newPage();
                }
                out.beginText();
                out.setFont(font, size);
                out.newLineAtOffset(MARGIN, y);
                out.showText(printable(text));
                out.endText();
                y -= Math.max(LEADING, size * 1.4f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void paragraph(String text) {
            for (String l : wrap(printable(text))) {
                line(l, regular, BODY);
            }
        }

        void gap() {
            y -= LEADING / 2;
        }

        void close() throws IOException {
            out.close();
        }

        private List<String> wrap(String text) {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (textWidth(candidate) > width && !current.isEmpty()) {
                    lines.add(current.toString());
                    current = new StringBuilder("  " + word);
                } else {
                    current = new StringBuilder(candidate);
                }
            }
            if (!current.isEmpty()) {
                lines.add(current.toString());
            }
            return lines;
        }

        private float textWidth(String s) {
            try {
                return regular.getStringWidth(s) / 1000 * BODY;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The standard fonts encode WinAnsi only: anything else (a name in another script) becomes "?". */
        private String printable(String s) {
            StringBuilder b = new StringBuilder();
            for (char c : s.toCharArray()) {
                b.append(hasGlyph(c) ? c : '?');
            }
            return b.toString();
        }

        private boolean hasGlyph(char c) {
            try {
                regular.encode(String.valueOf(c));
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        }
    }
}
