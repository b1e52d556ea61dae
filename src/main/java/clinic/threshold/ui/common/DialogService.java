package clinic.threshold.ui.common;

import java.time.LocalDate;
import java.util.Optional;
import javafx.stage.Window;

/** Every dialog, confirmation and notification goes through here, so tests and screens stay simple. */
public interface DialogService {

    void showError(String title, String message);

    void showInfo(String title, String message);

    boolean confirm(String title, String message);

    /** Asks for a line of text; empty when cancelled. The dialog does not close on a blank answer. */
    Optional<String> askText(String title, String header, String label);

    /** Asks where to save a file; empty when cancelled. */
    Optional<java.nio.file.Path> chooseSaveFile(String title, String suggestedName);

    /** Asks which existing file to open; empty when cancelled. */
    Optional<java.nio.file.Path> chooseOpenFile(String title);

    /** Asks for a password (not echoed); empty when cancelled. The caller clears the array. */
    Optional<char[]> askPassword(String title, String header, String label);

    /** Asks for a folder, starting at {@code initial} when it exists; empty when cancelled. */
    Optional<java.nio.file.Path> chooseFolder(String title, java.nio.file.Path initial);

    /** The same dialogs, owned by {@code window} (an editor window, say) instead of the main window. */
    DialogService forWindow(Window window);

    /** Asks for a date, offering {@code initial}; empty when cancelled. */
    Optional<LocalDate> askDate(String title, String header, String label, LocalDate initial);
}
