package dev.velocity.filehistory.platform.eventstore;

import java.sql.SQLException;
import org.springframework.dao.DuplicateKeyException;

/** Recognises a unique-key violation, whichever layer wrapped it. */
public final class DuplicateKeys {

    private static final String UNIQUE_VIOLATION = "23505";

    private DuplicateKeys() {
    }

    public static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DuplicateKeyException) {
                return true;
            }
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

}
