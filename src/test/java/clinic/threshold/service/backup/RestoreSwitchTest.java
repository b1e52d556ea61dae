package clinic.threshold.service.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The swap of a restore survives being cut short at any step: the next start completes it. */
class RestoreSwitchTest {
    @TempDir
    Path data;

    private Path stage() throws Exception {
        Path stage = Files.createDirectories(data.resolve(BackupRestorer.STAGE));
        Files.createDirectories(stage.resolve("db"));
        Files.writeString(stage.resolve("db").resolve("threshold.mv.db"), "restored");
        Files.writeString(stage.resolve("keys.properties"), "restored keys");
        Files.writeString(stage.resolve("audit.head"), "7 restored");
        return stage;
    }

    private void current() throws Exception {
        Files.createDirectories(data.resolve("db"));
        Files.writeString(data.resolve("db").resolve("threshold.mv.db"), "current");
        Files.writeString(data.resolve("keys.properties"), "current keys");
        Files.writeString(data.resolve("audit.head"), "9 current");
    }

    private void assertSwapped(Path aside) throws Exception {
        assertEquals("restored", Files.readString(data.resolve("db").resolve("threshold.mv.db")));
        assertEquals("restored keys", Files.readString(data.resolve("keys.properties")));
        assertEquals("7 restored", Files.readString(data.resolve("audit.head")));
        assertEquals("current", Files.readString(aside.resolve("db").resolve("threshold.mv.db")));
        assertEquals("current keys", Files.readString(aside.resolve("keys.properties")));
        assertEquals("9 current", Files.readString(aside.resolve("audit.head")));
        assertFalse(Files.exists(data.resolve(RestoreSwitch.JOURNAL)));
        assertFalse(Files.exists(data.resolve(BackupRestorer.STAGE)));
    }

    @Test
    void aCompleteSwapKeepsTheOldFilesAside() throws Exception {
        current();
        Path aside = data.resolve("replaced").resolve("t1");
        RestoreSwitch.swap(data, stage(), aside);
        assertSwapped(aside);
        assertFalse(RestoreSwitch.finishInterrupted(data), "nothing left to finish");
    }

    @Test
    void aSwapCutShortAfterMovingTheDatabaseAsideIsFinishedAtTheNextStart() throws Exception {
        current();
        Path stage = stage();
        Path aside = data.resolve("replaced").resolve("t2");
        // Run the swap, then undo its second half by hand to recreate the state a crash leaves behind.
        RestoreSwitch.swap(data, stage, aside);
        Files.createDirectories(stage);
        Files.move(data.resolve("db"), stage.resolve("db"));
        Files.move(data.resolve("keys.properties"), stage.resolve("keys.properties"));
        Files.move(data.resolve("audit.head"), stage.resolve("audit.head"));
        Files.writeString(data.resolve(RestoreSwitch.JOURNAL), "stage=" + BackupRestorer.STAGE
                + "\naside=replaced/t2\npresent=db,keys.properties,audit.head\n");
        assertFalse(Files.exists(data.resolve("keys.properties")), "the crash left no key file in place");
        assertTrue(RestoreSwitch.finishInterrupted(data));
        assertSwapped(aside);
    }

    @Test
    void aSwapCutShortBeforeAnythingMovedIsFinishedToo() throws Exception {
        current();
        stage();
        Files.writeString(data.resolve(RestoreSwitch.JOURNAL), "stage=" + BackupRestorer.STAGE
                + "\naside=replaced/t3\npresent=db,keys.properties,audit.head\n");
        assertTrue(RestoreSwitch.finishInterrupted(data));
        assertSwapped(data.resolve("replaced").resolve("t3"));
    }

    @Test
    void aSwitchThatCannotCompleteKeepsItsJournalAndNeverEndsWithAKeyFileAlone() throws Exception {
        current();
        Path stage = stage();
        Files.delete(stage.resolve("db").resolve("threshold.mv.db"));
        Files.delete(stage.resolve("db"));
        Path aside = data.resolve("replaced").resolve("t4");
        assertThrows(java.io.IOException.class, () -> RestoreSwitch.swap(data, stage, aside));
        assertTrue(Files.exists(data.resolve(RestoreSwitch.JOURNAL)), "the journal stays until the switch is whole");
        assertTrue(Files.exists(aside.resolve("db").resolve("threshold.mv.db")), "the old database is kept aside");
        // Put the missing piece back where the switch expects it: the next start completes the switch.
        Files.createDirectories(stage.resolve("db"));
        Files.writeString(stage.resolve("db").resolve("threshold.mv.db"), "restored");
        assertTrue(RestoreSwitch.finishInterrupted(data));
        assertSwapped(aside);
    }

    @Test
    void aSwitchNeverMovesIntoAFolderAnEarlierRestoreUsed() throws Exception {
        current();
        Path stage = stage();
        Path aside = Files.createDirectories(data.resolve("replaced").resolve("t5"));
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> RestoreSwitch.swap(data, stage, aside));
        assertEquals("current", Files.readString(data.resolve("db").resolve("threshold.mv.db")), "nothing moved");
        assertFalse(Files.exists(data.resolve(RestoreSwitch.JOURNAL)));
    }
}
