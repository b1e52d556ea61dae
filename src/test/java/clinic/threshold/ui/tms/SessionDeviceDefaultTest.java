package clinic.threshold.ui.tms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import clinic.threshold.domain.history.Confidence;
import clinic.threshold.domain.tms.Device;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A first session's device is one a chair set up for the course's protocol uses, not simply the first listed. */
class SessionDeviceDefaultTest {
    private static final Device FIG8 = new Device("FIG8", "Figure-8 coil stimulator", "Figure-8", 100, true,
            Confidence.UNCONFIRMED, "t");
    private static final Device H1 = new Device("H1", "Deep TMS stimulator", "H1", 100, true, Confidence.UNCONFIRMED, "t");

    @Test
    void anH1CourseStartsOnTheH1Stimulator() {
        assertEquals(H1, SessionDialog.firstDevice(List.of(FIG8, H1), Set.of("H1")));
        assertEquals(FIG8, SessionDialog.firstDevice(List.of(FIG8, H1), Set.of("FIG8", "H1")), "the first that fits");
    }

    @Test
    void withoutAChairForTheProtocolTheFirstActiveDeviceIsOffered() {
        assertEquals(FIG8, SessionDialog.firstDevice(List.of(FIG8, H1), null));
        assertEquals(FIG8, SessionDialog.firstDevice(List.of(FIG8, H1), Set.of("RETIRED")));
        assertNull(SessionDialog.firstDevice(List.of(), Set.of("H1")));
    }
}
