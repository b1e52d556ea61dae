package clinic.threshold.ui.common;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * Tells open screens that a patient was saved elsewhere (another window, another tab), so that lists and
 * charts reload instead of showing stale data. Called and delivered on the JavaFX thread.
 */
public final class PatientEvents {
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();

    public void onChanged(LongConsumer listener) {
        listeners.add(listener);
    }

    public void removeListener(LongConsumer listener) {
        listeners.remove(listener);
    }

    public void changed(long patientId) {
        listeners.forEach(l -> l.accept(patientId));
    }
}
