package clinic.threshold.domain.tms;

import java.util.List;

/** Something about a course a clinician should know but that does not stop it: a message key and its values. */
public record CourseWarning(String messageKey, List<Object> args) {

    public CourseWarning {
        args = List.copyOf(args);
    }

    public static CourseWarning of(String key, Object... args) {
        return new CourseWarning(key, List.of(args));
    }
}
