package com.solduel.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.solduel.player.PlayerState;
import java.time.Instant;
import java.util.Set;

/** The result of a successful sign-in: the bearer token, when it expires, and who it is. */
@Schema(name = "SignedIn", description = "A Bearer token for the wallet's player",
        requiredProperties = {"token", "expiresAt", "groups", "player"})
public record SignedIn(
        @Schema(description = "The JWT (HS256) to send as 'Authorization: Bearer <token>'",
                example = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0TmQxIn0.c2lnbmF0dXJl") String token,
        @Schema(description = "When the token expires", format = "date-time", example = "2026-11-30T19:00:00Z") Instant expiresAt,
        @Schema(description = "The token's groups", example = "[\"player\"]") Set<String> groups,
        @Schema(description = "The signed-in player") PlayerState player) {
}
