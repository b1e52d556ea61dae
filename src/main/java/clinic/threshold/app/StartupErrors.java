package clinic.threshold.app;

import clinic.threshold.data.db.DatabaseException;

/** The one-paragraph explanation a user gets when the clinic's data cannot be opened. */
final class StartupErrors {
    private StartupErrors() {
    }

    static String describe(Throwable e) {
        if (e instanceof InstanceGuard.AlreadyRunningException a) {
            return "Threshold is already running on this data folder (" + a.dataDir() + "). "
                    + "Switch to the open window, or close it before starting another.";
        }
        if (e instanceof DataFolder.DataFolderException d) {
            return "Threshold cannot write to its data folder " + d.dir() + ". Check that the folder exists, "
                    + "that you may write to it and that the disk is not full, or choose another with --data-dir.";
        }
        if (e instanceof DatabaseException db) {
            return switch (db.reason()) {
                case IN_USE -> "The clinic database is held by another program. Close it and start Threshold again.";
                case DAMAGED -> "The clinic database file is damaged. Nothing has been changed or replaced. "
                        + "Restore it from your newest backup before working on it again.";
                case MIGRATION_FAILED -> "The clinic database could not be updated to this version of Threshold. "
                        + "It was left as it was. Keep using the previous version and contact support.";
                case OTHER -> "The clinic database could not be opened: " + db.getMessage();
            };
        }
        return "Threshold could not start: " + e.getClass().getSimpleName();
    }
}
