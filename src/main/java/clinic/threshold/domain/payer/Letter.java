package clinic.threshold.domain.payer;

import java.time.LocalDate;
import java.util.List;

/**
 * A letter as printed: its title and blocks in order (paragraphs, tables, the score chart). Stored as it was
 * generated, so the copy shown later is the copy the payer got.
 */
public record Letter(AuthKind kind, int templateVersion, String title, LocalDate date, List<Block> blocks) {

    public Letter {
        blocks = List.copyOf(blocks);
    }

    /** One part of the letter. */
    public sealed interface Block permits Text, Table, Chart {
    }

    /** A paragraph; line breaks inside it are kept (an address, the signature). */
    public record Text(String text) implements Block {
    }

    public record Table(List<String> headings, List<List<String>> rows) implements Block {
        public Table {
            headings = List.copyOf(headings);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** A scale's totals over time with its highest possible total and the remission cut-off (null when none). */
    public record Chart(String title, int max, Integer cutoff, List<Point> points) implements Block {
        public Chart {
            points = List.copyOf(points);
        }
    }

    public record Point(LocalDate date, int value) {
    }

    /** Everything the letter says, as plain text (for reading back and for tests). */
    public String plainText() {
        StringBuilder b = new StringBuilder(title).append('\n');
        for (Block block : blocks) {
            if (block instanceof Text t) {
                b.append(t.text()).append('\n');
            } else if (block instanceof Table t) {
                b.append(String.join(" | ", t.headings())).append('\n');
                t.rows().forEach(r -> b.append(String.join(" | ", r)).append('\n'));
            } else if (block instanceof Chart c) {
                b.append(c.title()).append('\n');
            }
        }
        return b.toString();
    }
}
