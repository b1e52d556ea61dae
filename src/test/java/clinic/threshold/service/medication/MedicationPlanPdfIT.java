package clinic.threshold.service.medication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.audit.AuditFilter;
import clinic.threshold.domain.medication.Frequency;
import clinic.threshold.domain.medication.MedicationPlan;
import clinic.threshold.domain.medication.OrderResult;
import clinic.threshold.domain.medication.PlanStep;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.testing.Orders;
import clinic.threshold.testing.TestClinic;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The printed plan read back: the right drugs, doses and dates in plain words, and nothing clinical-only. */
class MedicationPlanPdfIT {
    private static final LocalDate TODAY = TestClinic.TODAY;

    @TempDir
    Path dir;

    private static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    private static PlanStep step(int day, String mg) {
        return new PlanStep(day, new BigDecimal(mg), Frequency.ONCE_DAILY, null, null, null, null);
    }

    @Test
    void thePrintedPlanSaysWhatToTakeNowAndWhatChangesOnWhichDate() throws IOException {
        try (var c = TestClinic.open(dir.resolve("clinic"))) {
            Patient p = c.patients().create(TestClinic.person("Rosa", "Printed", LocalDate.of(1971, 6, 2), null));
            OrderResult sertraline = c.medications().saveOrder(p.id(), null, 0,
                    Orders.daily("sertraline", TODAY.minusMonths(2), "100"), null);
            // Taper 100 -> 50 (tomorrow) -> stop in two weeks; mirtazapine 15 from next week, 30 a week later.
            c.medications().crossTaper(p.id(), sertraline.order().id(),
                    new MedicationPlan(TODAY.plusDays(1), List.of(step(0, "50"), step(14, "0")), null),
                    Orders.daily("mirtazapine", TODAY.plusDays(8), "15"),
                    new MedicationPlan(TODAY.plusDays(8), List.of(step(7, "30")), null), null);
            Path pdf = dir.resolve("plan.pdf");
            c.medicationPlanPdf().write(p.id(), pdf);
            assertTrue(Files.size(pdf) > 1000);
            String t = text(pdf);
            assertTrue(t.contains("Your medication plan"), t);
            assertTrue(t.contains("Rosa Printed"), t);
            assertTrue(t.contains("What to take now \u2022 Sertraline 100 mg, once a day"), t);
            assertTrue(t.contains("From Saturday 28 November 2026: Sertraline 50 mg, once a day"), t);
            assertTrue(t.contains("From Saturday 5 December 2026: start Mirtazapine 15 mg, once a day"), t);
            assertTrue(t.contains("From Saturday 12 December 2026: stop taking Sertraline"), t);
            assertTrue(t.contains("From Saturday 12 December 2026: Mirtazapine 30 mg, once a day"), t);
            assertTrue(t.indexOf("5 December") < t.indexOf("12 December"), "changes in date order");
            assertFalse(t.contains("take with food"), "the clinical note stays out of the patient's sheet");
            assertFalse(Files.exists(dir.resolve("plan.pdf.part")), "no temporary file left");
            assertEquals(1, c.audit().page(new AuditFilter(null, null, "medication.plan.print", null, null), null).size());
        }
    }

    @Test
    void theSheetFollowsWhatWillReallyHappenAfterAStopOrAFutureDoseChange() throws IOException {
        try (var c = TestClinic.open(dir.resolve("clinic"))) {
            Patient p = c.patients().create(TestClinic.person("Tom", "Stopped", LocalDate.of(1980, 2, 2), null));
            OrderResult sertraline = c.medications().saveOrder(p.id(), null, 0,
                    Orders.daily("sertraline", TODAY.minusMonths(2), "100"), null);
            c.medications().savePlan(p.id(), sertraline.order().id(), new MedicationPlan(TODAY.plusDays(1),
                    List.of(step(6, "150")), null), null);
            var o = c.medications().overview(p.id()).orders().get(0);
            // Recorded at the visit: 50 mg from the day after tomorrow, then stopped after the fourth day.
            OrderResult lower = c.medications().changeDose(p.id(), o.id(), o.version(), new clinic.threshold.domain.medication
                    .DoseChange(TODAY.plusDays(2), new BigDecimal("50"), Frequency.ONCE_DAILY), null);
            c.medications().stopOrder(p.id(), o.id(), lower.order().version(), TODAY.plusDays(3),
                    clinic.threshold.domain.medication.OrderStopReason.ADVERSE_EFFECT, "nausea");
            Path pdf = dir.resolve("after-stop.pdf");
            c.medicationPlanPdf().write(p.id(), pdf);
            String t = text(pdf);
            assertTrue(t.contains("From Sunday 29 November 2026: Sertraline 50 mg, once a day"), t);
            assertTrue(t.contains("From Tuesday 1 December 2026: stop taking Sertraline"), t);
            assertFalse(t.contains("150 mg"), "the plan's step after the stop is not printed: " + t);
        }
    }
}
