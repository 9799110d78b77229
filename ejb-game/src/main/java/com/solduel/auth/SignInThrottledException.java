package com.solduel.auth;

import com.solduel.shared.SolDuelException;
import java.util.OptionalLong;

/** Too many sign-in challenges were asked for from one client address or for one wallet; retry later. */
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
