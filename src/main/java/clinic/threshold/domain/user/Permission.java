package clinic.threshold.domain.user;

/**
 * Permission codes as stored in app_permission (V005). Which role holds which is data; code only names
 * what an operation needs.
 */
public final class Permission {
    public static final String PATIENT_READ = "patient.read";
    public static final String PATIENT_WRITE = "patient.write";
    public static final String PATIENT_VOID = "patient.void";
    public static final String CLINICAL_READ = "clinical.read";
    public static final String HISTORY_WRITE = "history.write";
    public static final String MEDICATION_PRESCRIBE = "medication.prescribe";
    public static final String MEDICATION_READ = "medication.read";
    public static final String OUTCOME_RECORD = "outcome.record";
    public static final String SAFETY_REVIEW = "safety.review";
    public static final String TMS_SESSION_RECORD = "tms.session.record";
    public static final String TMS_COURSE_MANAGE = "tms.course.manage";
    public static final String SCHEDULE_WRITE = "schedule.write";
    public static final String REPORT_RUN = "report.run";
    public static final String AUDIT_READ = "audit.read";
    public static final String USER_ADMIN = "user.admin";
    public static final String SETTINGS_ADMIN = "settings.admin";
    public static final String BACKUP_MANAGE = "backup.manage";
    public static final String REFERENCE_EDIT = "reference.edit";
    public static final String AUTHORIZATION_MANAGE = "authorization.manage";
    public static final String REPORT_ALL = "report.all";

    private Permission() {
    }
}
