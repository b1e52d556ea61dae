package clinic.threshold.app;

import clinic.threshold.cli.CliException;
import clinic.threshold.cli.CliHooks;
import clinic.threshold.i18n.Messages;
import clinic.threshold.security.Secrets;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.service.security.SignInException;
import java.nio.file.Path;

/** Connects the command line to the composition root and the desktop window. */
final class AppHooks implements CliHooks {

    @Override
    public int startGui(Path dataDir, boolean demo, boolean allowNetworkFolder) {
        return GuiStarter.run(new LaunchOptions(dataDir, demo, allowNetworkFolder));
    }

    @Override
    public ClinicServices open(Path dataDir, boolean demo, boolean allowNetworkFolder, String user, char[] password) {
        AppContext ctx;
        try {
            ctx = AppContext.open(new LaunchOptions(dataDir, demo, allowNetworkFolder));
        } catch (RuntimeException e) {
            Secrets.clear(password);
            throw new CliException(StartupErrors.describe(e), CliException.UNAVAILABLE);
        }
        try {
            return new ContextBoundServices(ctx.gate().signIn(user, password), ctx);
        } catch (SignInException e) {
            ctx.close();
            boolean database = e.reason() == SignInException.Reason.DATABASE_DAMAGED
                    || e.reason() == SignInException.Reason.DATABASE_UNAVAILABLE;
            throw new CliException(Messages.get("signin.error." + e.reason().name(), e.waitSeconds()),
                    database ? CliException.UNAVAILABLE : CliException.ACCESS_DENIED);
        } catch (RuntimeException e) {
            ctx.close();
            throw new CliException(StartupErrors.describe(e), CliException.UNAVAILABLE);
        }
    }

    @Override
    public void recover(Path dataDir, boolean demo, String user, char[] recoveryKey, char[] password, char[] confirm) {
        try (AppContext ctx = AppContext.open(new LaunchOptions(dataDir, demo))) {
            ctx.gate().recover(recoveryKey, user, password, confirm);
        } catch (SignInException e) {
            throw new CliException(Messages.get("recover.error." + e.reason().name()), CliException.ACCESS_DENIED);
        } catch (clinic.threshold.domain.common.ValidationException e) {
            throw new CliException(e.violations().stream().map(Messages::describe)
                    .collect(java.util.stream.Collectors.joining(" ")), CliException.INVALID_INPUT);
        } catch (RuntimeException e) {
            throw new CliException(StartupErrors.describe(e), CliException.UNAVAILABLE);
        } finally {
            Secrets.clear(recoveryKey);
            Secrets.clear(password);
            Secrets.clear(confirm);
        }
    }

    @Override
    public String[] demoAdmin() {
        DemoClinic.Account a = DemoClinic.ACCOUNTS.get(0);
        return new String[] {a.username(), a.password()};
    }
}
