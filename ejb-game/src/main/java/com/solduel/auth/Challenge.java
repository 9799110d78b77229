package com.solduel.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A challenge handed to a wallet: the message to sign, its nonce and when it expires. */
@Schema(name = "Challenge", description = "A single-use sign-in challenge",
        requiredProperties = {"message", "nonce", "issuedAt", "expiresAt"})
public record Challenge(
        @Schema(description = "The exact text to sign with the wallet (UTF-8 bytes, Ed25519)",
                example = "SOL Duel sign-in\nwallet: 4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T\nnonce: 9f2c...") String message,
        @Schema(description = "The challenge's nonce", example = "9f2c6a0d4e7b4c1e8a3f5b6d7c8e9f01") String nonce,
        @Schema(description = "When it was issued", format = "date-time", example = "2026-11-30T18:00:00Z") Instant issuedAt,
        @Schema(description = "When it expires (5 minutes later)", format = "date-time", example = "2026-11-30T18:05:00Z")
        Instant expiresAt) {
}
