package com.solduel.auth;

import java.time.Instant;

/**
 * The human-readable text a wallet signs to sign in (in the spirit of Sign-In With Solana):
 * it names the domain asking, the wallet, a single-use nonce and the validity window, and says
 * plainly that signing moves no funds.
 */
public record SignInMessage(String domain, String uri, String chainId, String wallet, String nonce,
                            Instant issuedAt, Instant expiresAt) {

    /** The exact UTF-8 text the wallet signs; the server verifies the signature over these bytes. */
    public String text() {
        return domain + " wants you to sign in with your Solana account:\n"
                + wallet + "\n"
                + "\n"
                + "Sign in to SOL Duel. Signing is free: it sends no transaction and moves no funds.\n"
                + "\n"
                + "URI: " + uri + "\n"
                + "Version: 1\n"
                + "Chain ID: " + chainId + "\n"
                + "Nonce: " + nonce + "\n"
                + "Issued At: " + issuedAt + "\n"
                + "Expiration Time: " + expiresAt;
    }
}
