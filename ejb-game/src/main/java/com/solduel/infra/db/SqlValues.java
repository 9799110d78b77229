package com.solduel.infra.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Column values of native queries, whichever Java type the driver and Hibernate chose for them. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A {@code timestamp with time zone} column; null stays null. */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("a timestamp column read as " + value.getClass().getName());
    }

    /** An {@code int} column that may be null. */
    public static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
