package clinic.threshold.domain.payer;

/**
 * What a request asks for, and so which letter goes with it: a first course (letter of medical necessity), more
 * sessions for a late responder (extension), or a new course after relapse (retreatment).
 */
public enum AuthKind {
    INITIAL, EXTENSION, RETREATMENT
}
