package clinic.threshold.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    // Small parameters keep the unit test fast; CURRENT is checked separately.
    static final Argon2Params FAST = new Argon2Params(1024, 1, 1);

    @Test
    void currentParametersMeetOwaspMinimum() {
        assertFalse(Argon2Params.CURRENT.weakerThan(Argon2Params.OWASP_MINIMUM));
        assertTrue(Argon2Params.CURRENT.memoryKiB() >= 19_456);
        assertTrue(Argon2Params.CURRENT.iterations() >= 2);
        assertEquals(1, Argon2Params.CURRENT.parallelism());
    }

    @Test
    void hashIsAnArgon2idPhcStringWithTheConfiguredParameters() {
        String phc = new PasswordHasher(Argon2Params.CURRENT).hash("correct horse battery".toCharArray());
        assertTrue(phc.startsWith("$argon2id$v=19$m=65536,t=3,p=1$"), phc);
        assertEquals(Argon2Params.CURRENT, PasswordHasher.parametersOf(phc));
    }

    @Test
    void verifiesTheRightPasswordOnlyAndSaltsEachHash() {
        PasswordHasher h = new PasswordHasher(FAST);
        String a = h.hash("correct horse battery".toCharArray());
        String b = h.hash("correct horse battery".toCharArray());
        assertNotEquals(a, b, "random salt");
        assertTrue(h.verify("correct horse battery".toCharArray(), a));
        assertFalse(h.verify("correct horse batterY".toCharArray(), a));
        assertFalse(h.verify("".toCharArray(), a));
        assertFalse(h.verify("x".toCharArray(), "not a hash"));
        assertFalse(h.verify("x".toCharArray(), null));
    }

    @Test
    void phcStringHasTheStandardShape() {
        PasswordHasher h = new PasswordHasher(FAST);
        String phc = h.hash("stable".toCharArray());
        String[] parts = phc.split("\\$");
        assertEquals(6, parts.length);
        assertEquals("argon2id", parts[1]);
        assertEquals("v=19", parts[2]);
        assertEquals("m=1024,t=1,p=1", parts[3]);
        assertEquals(22, parts[4].length(), "16-byte salt in unpadded base64");
        assertEquals(43, parts[5].length(), "32-byte hash in unpadded base64");
    }

    @Test
    void weakerStoredParametersAskForARehash() {
        String old = new PasswordHasher(FAST).hash("pw-old-params".toCharArray());
        PasswordHasher current = new PasswordHasher(new Argon2Params(2048, 2, 1));
        assertTrue(current.needsRehash(old));
        assertTrue(current.verify("pw-old-params".toCharArray(), old), "old hashes still verify");
        assertFalse(current.needsRehash(current.hash("pw".toCharArray())));
    }

    @Test
    void aDecoyCostsWhatARealHashCostsAndNoPasswordMatchesIt() {
        PasswordHasher h = new PasswordHasher(FAST);
        String real = h.hash("correct horse battery".toCharArray());
        String decoy = h.decoy();
        // Argon2's work is set by the parameters and the hash length; the salt length is the same too.
        assertEquals(PasswordHasher.parametersOf(real), PasswordHasher.parametersOf(decoy));
        String[] r = real.split("\\$");
        String[] d = decoy.split("\\$");
        assertEquals(r.length, d.length);
        assertEquals(r[4].length(), d[4].length(), "salt");
        assertEquals(r[5].length(), d[5].length(), "hash");
        assertFalse(h.needsRehash(decoy), "a well-formed hash of the current parameters");
        assertFalse(h.verify("correct horse battery".toCharArray(), decoy));
        assertFalse(h.verify("".toCharArray(), decoy));
        assertNotEquals(decoy, h.decoy(), "random each time");
    }
}
