package clinic.threshold.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import clinic.threshold.ui.common.UiPreferences;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UiSettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void themeAndWindowBoundsSurviveARestart() {
        UiPreferences p = new UiPreferences();
        p.setTheme(UiPreferences.Theme.DARK);
        p.setBounds(new UiPreferences.WindowBounds(40, 30, 1300, 820, false));
        UiSettingsStore.save(dir, p);
        UiPreferences back = UiSettingsStore.load(dir);
        assertEquals(UiPreferences.Theme.DARK, back.theme());
        assertEquals(p.bounds(), back.bounds());
    }

    @Test
    void missingOrDamagedFileGivesDefaults() throws Exception {
        assertEquals(UiPreferences.Theme.LIGHT, UiSettingsStore.load(dir).theme());
        Files.writeString(dir.resolve(UiSettingsStore.FILE), "theme=DARK\nwindow.width=wide\n");
        UiPreferences p = UiSettingsStore.load(dir);
        assertNull(p.bounds());
    }
}
