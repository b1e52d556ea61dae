package clinic.threshold.service.report;

import clinic.threshold.domain.report.ReportResult;
import clinic.threshold.domain.report.ReportTable;
import clinic.threshold.export.CsvWriter;
import clinic.threshold.export.TablePdf;
import clinic.threshold.i18n.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A report as CSV (headings, then one line per row, figures bare) and as PDF (title, parameters, chart, table, notes). */
final class ReportExports {
    private ReportExports() {
    }

    static byte[] csv(ReportResult r) {
        CsvWriter w = new CsvWriter();
        w.row(r.table().columns().stream().map(ReportFormat::heading).toArray(String[]::new));
        for (List<Object> row : r.table().rows()) {
            w.row(row.stream().map(ReportFormat::csvCell).toArray(String[]::new));
        }
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] pdf(ReportResult r, String clinic, String printedAt) {
        ReportTable t = r.table();
        List<TablePdf.Column> columns = t.columns().stream().map(c -> new TablePdf.Column(ReportFormat.heading(c),
                c.kind() == ReportTable.Kind.TEXT ? 2f : 1f)).toList();
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> row : t.rows()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                cells.add(ReportFormat.cell(t.columns().get(i), row.get(i)));
            }
            rows.add(cells);
        }
        List<TablePdf.Section> sections = new ArrayList<>();
        if (!rows.isEmpty()) {
            sections.add(new TablePdf.Section(ReportFormat.title(r.id()), rows));
        }
        List<String> notes = ReportFormat.notes(r);
        if (!notes.isEmpty()) {
            sections.add(new TablePdf.Section(Messages.get("report.notes"), notes.stream().map(n -> {
                List<String> line = new ArrayList<>();
                line.add(n);
                while (line.size() < columns.size()) {
                    line.add("");
                }
                return line;
            }).toList()));
        }
        try {
            return TablePdf.render(TablePdf.LANDSCAPE, 8.5f, ReportFormat.title(r.id()), Messages.get("report.pdf.subtitle",
                    clinic == null ? "" : clinic, ReportFormat.params(r.id(), r.params()), printedAt), bars(r), columns, sections,
                    Messages.get("report.empty"), Messages.get("report.pdf.footer", ReportFormat.title(r.id())));
        } catch (IOException e) {
            throw new UncheckedIOException("the report could not be laid out", e);
        }
    }

    private static TablePdf.Bars bars(ReportResult r) {
        if (r.chart() == null || r.table().rows().isEmpty()) {
            return null;
        }
        ReportTable t = r.table();
        List<List<Object>> drawn = t.rows().stream().filter(row -> r.chart().draws(t, row)).toList();
        List<String> categories = drawn.stream().map(row -> ReportFormat.category(t, r.chart(), row)).toList();
        List<List<Double>> values = drawn.stream().map(row -> r.chart().valueColumns().stream()
                .map(k -> ReportFormat.value(t, row, k)).toList()).toList();
        boolean percent = ReportFormat.percentChart(t, r.chart());
        double max = percent ? 100 : values.stream().flatMap(List::stream).filter(java.util.Objects::nonNull)
                .mapToDouble(Double::doubleValue).max().orElse(1);
        List<String> series = r.chart().valueColumns().stream().map(k -> ReportFormat.heading(t.columns().get(t.column(k)))).toList();
        return new TablePdf.Bars(categories, series, values, max <= 0 ? 1 : max, percent ? "%" : "");
    }
}
