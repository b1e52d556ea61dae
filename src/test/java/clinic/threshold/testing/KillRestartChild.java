package clinic.threshold.testing;

import clinic.threshold.domain.patient.Patient;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Child process of the kill-restart test: signs in to an existing clinic and registers numbered patients
 * through the real services, printing "ACK n" only after each commit has returned, until it is killed.
 */
public final class KillRestartChild {
    private KillRestartChild() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int next = Integer.parseInt(args[1]);
        try (var clinic = TestClinic.open(dir, java.time.Clock.systemUTC())) {
            System.out.println("READY");
            System.out.flush();
            while (true) {
                Patient p = clinic.patients().create(TestClinic.person("K" + next, "Killtest",
                        LocalDate.of(1970, 1, 1).plusDays(next % 10_000), null));
                System.out.println("ACK " + next + " " + p.mrn());
                System.out.flush();
                next++;
            }
        }
    }
}
