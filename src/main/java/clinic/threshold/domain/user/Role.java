package clinic.threshold.domain.user;

/** Role codes as seeded in V005; the permissions each holds are data. */
public final class Role {
    public static final String ADMIN = "ADMIN";
    public static final String CLINICIAN = "CLINICIAN";
    public static final String TMS_TECHNICIAN = "TMS_TECHNICIAN";
    public static final String SCHEDULER = "SCHEDULER";
    public static final String INTAKE = "INTAKE";

    private Role() {
    }
}
