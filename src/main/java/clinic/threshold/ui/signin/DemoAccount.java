package clinic.threshold.ui.signin;

/** A demo clinic account shown on the sign-in screen (demo mode only). */
public record DemoAccount(String username, String password, String role) {
}
