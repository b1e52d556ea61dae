package clinic.threshold.data.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.zip.DataFormatException;
import org.h2.api.ErrorCode;
import org.junit.jupiter.api.Test;

class H2ErrorsTest {

    @Test
    void anUnreadableCompressedPageIsDamage() {
        // The exact message CI saw when a flipped byte landed in a compressed page during sign-in.
        SQLException seen = new SQLException("General error: \"incorrect header check [2.5.252/90104]\"", "HY000",
                ErrorCode.GENERAL_ERROR_1);
        assertTrue(H2Errors.isDamageWhileOpen(seen));
        SQLException wrapped = new SQLException("General error", "HY000", ErrorCode.GENERAL_ERROR_1,
                new DataFormatException("invalid code lengths set"));
        assertTrue(H2Errors.isDamageWhileOpen(wrapped));
    }

    @Test
    void ordinaryStatementErrorsAreNotDamage() {
        assertFalse(H2Errors.isDamageWhileOpen(new SQLException("Unique index or primary key violation", "23505",
                ErrorCode.DUPLICATE_KEY_1)));
        assertFalse(H2Errors.isDamageWhileOpen(new SQLException("General error: \"lock timeout\"", "HY000",
                ErrorCode.GENERAL_ERROR_1)));
        // A decompression word in another error code is not taken as damage.
        assertFalse(H2Errors.isDamageWhileOpen(new SQLException("incorrect header check", "42000",
                ErrorCode.SYNTAX_ERROR_1)));
    }
}
