package clinic.threshold.domain.user;

/** An account as the administrator's list shows it: the user and whether failed sign-ins locked it. */
public record UserAccount(AppUser user, boolean locked) {
}
