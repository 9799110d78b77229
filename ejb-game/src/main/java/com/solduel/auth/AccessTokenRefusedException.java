package com.solduel.auth;

import com.solduel.shared.SolDuelException;
import jakarta.ejb.ApplicationException;

/** A bearer token was refused; {@link Reason} says why, so the client knows whether to sign in again. */
@ApplicationException(rollback = true)
public class AccessTokenRefusedException extends SolDuelException {

    private final Reason reason;

    public AccessTokenRefusedException(Reason reason) {
        super(reason.message);
        this.reason = reason;
    }

    public AccessTokenRefusedException(Reason reason, String detail) {
        super(reason.message + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String code() {
        return reason.code;
    }

    @Override
    public Kind kind() {
        return Kind.UNAUTHENTICATED;
    }

    /** Why a token was refused. Every reason means: sign in again (POST /api/auth/nonce, /api/auth/verify). */
    public enum Reason {
        MISSING("token-missing", "no access token: send 'Authorization: Bearer <jwt>' or the query parameter token=<jwt>"),
        MALFORMED("token-malformed", "the access token is not a compact HS256 JWT with the claims SOL Duel issues"),
        BAD_SIGNATURE("token-bad-signature", "the access token's signature does not verify with the server's key"),
        WRONG_ISSUER("token-wrong-issuer", "the access token was not issued by this server"),
        WRONG_AUDIENCE("token-wrong-audience", "the access token is meant for another audience"),
        EXPIRED("token-expired", "the access token has expired"),
        NOT_YET_VALID("token-not-yet-valid", "the access token is not valid yet (issued in the future)");

        private final String code;
        private final String message;

        Reason(String code, String message) {
            this.code = code;
            this.message = message;
        }

        public String code() {
            return code;
        }
    }
}
