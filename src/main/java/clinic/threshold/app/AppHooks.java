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
            ctx = cliContext(new LaunchOptions(dataDir, demo, allowNetworkFolder));
        } catch (RuntimeException e) {
            Secrets.clear(password);
            throw new CliException(StartupErrors.describe(e), CliException.UNAVAILABLE);
        }
        try {
            return new ContextBoundServices(ctx.gate().signIn(user, password), ctx);
        } catch (SignInException e) {
            ctx.close();
            boolean database = e.reason().name().startsWith("DATABASE_");
            throw new CliException(Messages.get("signin.error." + e.reason().name(), e.waitSeconds(), e.detail()),
                    database ? CliException.UNAVAILABLE : CliException.ACCESS_DENIED);
        } catch (RuntimeException e) {
            ctx.close();
            throw new CliException(StartupErrors.describe(e), CliException.UNAVAILABLE);
        }
    }

    /**
     * One-shot commands take no automatic backups: they would add a backup to every scripted lookup. The
     * window takes them (daily and at close); scripts call "backup create" when they want one.
     */
    private static AppContext cliContext(LaunchOptions options) {
        AppContext ctx = bareContext(options);
        try {
            ctx.createDemo((step, fraction) -> { });
            return ctx;
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
    }

    /** As {@link #cliContext}, without creating the demo clinic in a demo folder (demo-data builds its own). */
    private static AppContext bareContext(LaunchOptions options) {
        return AppContext.open(options, System.getenv(), java.time.Clock.systemDefaultZone(),
                clinic.threshold.service.security.GateConfig.DEFAULT.withAutomaticBackups(false));
    }

    @Override
    public void recover(Path dataDir, boolean demo, String user, char[] recoveryKey, char[] password, char[] confirm) {
        try (AppContext ctx = cliContext(new LaunchOptions(dataDir, demo))) {
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
    public String restore(Path dataDir, boolean demo, boolean allowNetworkFolder, String backup, String user,
                          char[] password, java.util.function.Consumer<String> progress) {
        return folderWork(new LaunchOptions(dataDir, demo, allowNetworkFolder), password, ctx -> {
            Path archive = BackupChoice.resolve(ctx, backup);
            var r = ctx.gate().restore(archive, user, password, (step, f) -> progress.accept(step));
            return Messages.get("backup.restore.done", r.backup(), r.createdAt(), r.replacedFiles());
        });
    }

    @Override
    public String compact(Path dataDir, boolean demo, boolean allowNetworkFolder, String user, char[] password,
                          java.util.function.Consumer<String> progress) {
        return folderWork(new LaunchOptions(dataDir, demo, allowNetworkFolder), password, ctx -> {
            var r = ctx.gate().compact(user, password, (step, f) -> progress.accept(step));
            return Messages.get("compact.done", r.replacedFiles());
        });
    }

    /** Restore and compaction: work on the whole (closed) data folder, with their refusals explained. */
    private static String folderWork(LaunchOptions options, char[] password,
                                     java.util.function.Function<AppContext, String> work) {
        try (AppContext ctx = cliContext(options)) {
            return work.apply(ctx);
        } catch (clinic.threshold.service.backup.RestoreRefusedException e) {
            throw new CliException(Messages.get("backup.restore.refused." + e.reason().name(), e.getMessage()),
                    e.reason() == clinic.threshold.service.backup.RestoreRefusedException.Reason.BAD_BACKUP
                            ? CliException.CHECK_FAILED : CliException.ACCESS_DENIED);
        } catch (clinic.threshold.service.backup.BackupException e) {
            throw new CliException(e.getMessage(), CliException.UNAVAILABLE);
        } catch (clinic.threshold.domain.common.ValidationException e) {
            // e.g. a folder on a server: restored with the server's tools, said in those words
            throw new CliException(e.violations().stream().map(Messages::describe)
                    .collect(java.util.stream.Collectors.joining(" ")), CliException.INVALID_INPUT);
        } catch (CliException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CliException(StartupErrors.describe(e), CliException.UNAVAILABLE);
        } finally {
            Secrets.clear(password);
        }
    }

    @Override
    public String demoData(Path dataDir, boolean allowNetworkFolder, int patients, int years, long seed,
                           java.util.function.Consumer<String> progress) {
        LaunchOptions options = new LaunchOptions(dataDir, dataDir == null, allowNetworkFolder);
        try (AppContext ctx = bareContext(options)) {
            java.time.Clock clock = java.time.Clock.systemDefaultZone();
            DemoClinic.setUpAccounts(ctx.gate(), clock);
            DemoClinic.Account admin = DemoClinic.ACCOUNTS.get(0);
            try (var c = ctx.gate().signIn(admin.username(), admin.password().toCharArray())) {
                var s = c.synthetic().generate(new clinic.threshold.service.demo.synthetic.SyntheticClinic.Plan(patients, years, seed),
                        progress);
                return Messages.get("synthetic.done", s.patients(), s.courses(), s.sessions(), s.auditEvents(), s.rows(),
                        s.took().toSeconds());
            }
        } catch (SignInException e) {
            throw new CliException(Messages.get("synthetic.error.signIn"), CliException.ACCESS_DENIED);
        } catch (clinic.threshold.domain.common.ValidationException e) {
            throw new CliException(e.violations().stream().map(Messages::describe)
                    .collect(java.util.stream.Collectors.joining(" ")), CliException.INVALID_INPUT);
        } catch (CliException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CliException(StartupErrors.describe(e), CliException.UNAVAILABLE);
        }
    }

    @Override
    public String[] demoAdmin() {
        DemoClinic.Account a = DemoClinic.ACCOUNTS.get(0);
        return new String[] {a.username(), a.password()};
    }
}
