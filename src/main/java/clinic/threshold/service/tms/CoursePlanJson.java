package clinic.threshold.service.tms;

import clinic.threshold.domain.tms.PlannedSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The JSON of {@code threshold plan-course} (a contract, see docs/formats/course-plan.md): protocol, start, end,
 * and each session's number, date and phase ({@code acute}, {@code taper} or {@code extension}).
 */
public final class CoursePlanJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CoursePlanJson() {
    }

    public static String write(String protocol, LocalDate start, List<PlannedSession> plan) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("protocol", protocol);
        root.put("start", start.toString());
        root.put("end", plan.isEmpty() ? null : plan.get(plan.size() - 1).date().toString());
        ArrayNode sessions = root.putArray("sessions");
        for (PlannedSession s : plan) {
            sessions.addObject().put("n", s.number()).put("date", s.date().toString())
                    .put("phase", s.phase().name().toLowerCase(Locale.ROOT));
        }
        try {
            return MAPPER.writeValueAsString(root) + System.lineSeparator();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
