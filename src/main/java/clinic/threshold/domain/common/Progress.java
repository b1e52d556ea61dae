package clinic.threshold.domain.common;

/** Reports how far long work has got: a short step name and the fraction done (0 to 1, or -1 if unknown). */
@FunctionalInterface
public interface Progress {
    Progress NONE = (step, fraction) -> { };

    void update(String step, double fraction);
}
