package clinic.threshold.domain.common;

/** The signed-in user (or nobody) lacks the permission an operation needs. Nothing was done. */
public class AccessDeniedException extends RuntimeException {
    private final String permission;

    public AccessDeniedException(String permission) {
        super("Permission required: " + permission);
        this.permission = permission;
    }

    public String permission() {
        return permission;
    }
}
