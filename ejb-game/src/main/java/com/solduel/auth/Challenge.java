package com.solduel.auth;

import java.time.Instant;

/** A challenge handed to a wallet: the message to sign, its nonce and when it expires. */
public record Challenge(String message, String nonce, Instant issuedAt, Instant expiresAt) {
}
