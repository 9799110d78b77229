package com.solduel.infra.db;

import com.solduel.shared.SolDuelException;
import jakarta.ejb.ApplicationException;
import java.util.OptionalLong;

/** PostgreSQL cannot be reached right now (an outage, a failover): retry in a few seconds. Nothing was written. */
@ApplicationException(rollback = true)
public class DatabaseUnavailableException extends SolDuelException {

    /** What the caller is told to wait before retrying. */
    static final long RETRY_AFTER_SECONDS = 5;

    public DatabaseUnavailableException() {
        super("the database is unavailable right now; retry in a few seconds");
    }

    @Override
    public String code() {
        return "database-unavailable";
    }

    @Override
    public Kind kind() {
        return Kind.UNAVAILABLE;
    }

    @Override
    public OptionalLong retryAfterSeconds() {
        return OptionalLong.of(RETRY_AFTER_SECONDS);
    }
}
