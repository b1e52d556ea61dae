package clinic.threshold.testing;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Test helper run in a child JVM: opens an H2 file the way another program would (an SQL console, say),
 * prints "ready", and holds it until its standard input closes.
 */
public final class HoldDatabase {
    private HoldDatabase() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + args[0], "sa", "")) {
            c.createStatement().execute("SELECT 1");
            System.out.println("ready");
            System.out.flush();
            while (System.in.read() != -1) {
                // hold the file until the parent closes our input
            }
        }
    }
}
