package clinic.threshold.service.security;

/** What the first-run screen asks for: the clinic and its first administrator. */
public record ClinicSetup(String clinicName, String timeZone, String adminUsername, String adminDisplayName,
                          char[] password, char[] passwordConfirm) {
}
