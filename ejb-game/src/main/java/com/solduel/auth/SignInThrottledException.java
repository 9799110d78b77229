package com.solduel.auth;

import com.solduel.shared.SolDuelException;
import jakarta.ejb.ApplicationException;
import java.util.OptionalLong;

/** Too many sign-in challenges were asked for from one client address or for one wallet; retry later. */
// An application exception: a throttled client is not a system failure; the container must not log
// a stack trace (CNTR0020E, ~10 KB) for every refused request.
@ApplicationException(rollback = true)
public class SignInThrottledException extends SolDuelException {

    private final long retryAfterSeconds;

    public SignInThrottledException(String what, long retryAfterSeconds) {
        super("too many sign-in challenges " + what + ": retry in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public String code() {
        return "too-many-sign-in-requests";
    }

    @Override
    public Kind kind() {
        return Kind.RATE_LIMITED;
    }

    @Override
    public OptionalLong retryAfterSeconds() {
        return OptionalLong.of(retryAfterSeconds);
    }
}
