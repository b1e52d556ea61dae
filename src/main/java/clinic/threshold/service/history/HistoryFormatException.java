package clinic.threshold.service.history;

import clinic.threshold.domain.common.Violation;
import java.util.List;

/** A history document that could not be read or broke a rule; every problem is listed with its JSON path. */
public final class HistoryFormatException extends RuntimeException {
    private final transient List<Violation> problems;

    public HistoryFormatException(List<Violation> problems) {
        super(problems.size() + " problem(s) in the history document");
        this.problems = List.copyOf(problems);
    }

    public List<Violation> problems() {
        return problems;
    }
}
