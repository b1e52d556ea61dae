package clinic.threshold.app;

import clinic.threshold.data.db.DatabaseException;
import clinic.threshold.i18n.Messages;

/** The one-paragraph explanation a user gets when the clinic's data cannot be opened. */
final class StartupErrors {
    private StartupErrors() {
    }

    static String describe(Throwable e) {
        if (e instanceof InstanceGuard.AlreadyRunningException a) {
            return Messages.get("startup.alreadyRunning", a.dataDir());
        }
        if (e instanceof NetworkShares.NetworkFolderException n) {
            return Messages.get("startup.networkFolder", n.dir());
        }
        if (e instanceof DataFolder.DataFolderException d) {
            return Messages.get("startup.folderNotWritable", d.dir());
        }
        if (e instanceof clinic.threshold.domain.common.DataDamagedException) {
            return Messages.get("startup.database.DAMAGED");
        }
        if (e instanceof clinic.threshold.service.security.DatabaseSettingsException v) {
            // database.properties that cannot be used: each wrong field named
            return Messages.get("startup.settings", v.violations().stream().map(Messages::describe)
                    .collect(java.util.stream.Collectors.joining(" ")));
        }
        if (e instanceof DatabaseException db) {
            return Messages.get("startup.database." + db.reason().name());
        }
        return Messages.get("startup.other", e.getClass().getSimpleName());
    }
}
