package clinic.threshold.domain.audit;

/** Who an audit event is about: a signed-in user, or a name typed at sign-in (userId null). */
public record Actor(Long userId, String username) {
    public static final Actor SYSTEM = new Actor(null, "system");
}
