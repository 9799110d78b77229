package com.solduel.auth;

import com.solduel.shared.SolDuelException;
import jakarta.ejb.ApplicationException;

/** A sign-in attempt was refused; {@link Reason} says why in a way the client can act on. */
@ApplicationException(rollback = true)
public class SignInRefusedException extends SolDuelException {

    private final Reason reason;

    public SignInRefusedException(Reason reason) {
        super(reason.message);
        this.reason = reason;
    }

    @Override
    public String code() {
        return reason.code;
    }

    @Override
    public Kind kind() {
        return reason.kind;
    }

    /** Why a sign-in was refused. */
    public enum Reason {
        NO_CHALLENGE("sign-in-challenge-missing", Kind.UNAUTHENTICATED,
                "no sign-in challenge is open for this wallet (it expired or was already used): request a new nonce"),
        BAD_SIGNATURE("sign-in-bad-signature", Kind.UNAUTHENTICATED,
                "the signature does not match the challenge message and wallet: sign the exact message returned by /api/auth/nonce with this wallet"),
        MALFORMED_SIGNATURE("malformed-signature", Kind.INVALID_INPUT,
                "the signature must be the base58 text of a 64-byte Ed25519 signature");

        private final String code;
        private final Kind kind;
        private final String message;

        Reason(String code, Kind kind, String message) {
            this.code = code;
            this.kind = kind;
            this.message = message;
        }
    }
}
