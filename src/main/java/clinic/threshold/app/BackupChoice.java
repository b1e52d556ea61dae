package clinic.threshold.app;

import clinic.threshold.cli.CliException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Which backup a restore means: a file path, a name in the backup folder, or (none given) the newest good one. */
final class BackupChoice {
    private BackupChoice() {
    }

    static Path resolve(AppContext ctx, String backup) {
        if (backup == null) {
            return ctx.gate().newestGoodBackup().orElseThrow(() -> new CliException(
                    "there is no verified backup in the backup folder; name one", CliException.INVALID_INPUT));
        }
        Path given = Path.of(backup);
        if (Files.isRegularFile(given)) {
            return given;
        }
        Path inFolder = clinic.threshold.service.backup.BackupSettings.load(ctx.dataDir()).folder().resolve(backup);
        if (Files.isRegularFile(inFolder)) {
            return inFolder;
        }
        throw new CliException("no backup file " + backup + " (neither a path nor a name in the backup folder)",
                CliException.INVALID_INPUT);
    }
}
