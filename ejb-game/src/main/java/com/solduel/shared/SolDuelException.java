package com.solduel.shared;

import java.util.OptionalLong;

/**
 * A failure a caller can see and act on. Each subclass is one kind of failure with a stable
 * machine-readable {@link #code()}; web-api maps codes to HTTP problem details in one place,
 * the WebSocket endpoint maps them to error frames.
 */
public abstract class SolDuelException extends RuntimeException {

    protected SolDuelException(String message) {
        super(message);
    }

    protected SolDuelException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Stable code such as {@code invalid-wallet-address}; also the last segment of the problem type URI. */
    public abstract String code();

    /** What kind of failure this is for the caller, independent of transport. */
    public abstract Kind kind();

    /** For {@link Kind#RATE_LIMITED}: how many seconds until a retry can succeed. */
    public OptionalLong retryAfterSeconds() {
        return OptionalLong.empty();
    }

    /** Transport-neutral failure categories; web-api turns them into HTTP statuses. */
    public enum Kind {
        INVALID_INPUT,
        /** Well-formed, but what it refers to does not qualify (e.g. a deposit transaction that is not the deposit owed). */
        UNPROCESSABLE,
        NOT_FOUND,
        CONFLICT,
        UNAUTHENTICATED,
        FORBIDDEN,
        RATE_LIMITED,
        UNAVAILABLE
    }
}
