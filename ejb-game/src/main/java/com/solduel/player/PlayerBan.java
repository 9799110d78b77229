package com.solduel.player;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A player's ban state, as the admin API answers it. */
@Schema(name = "PlayerBan", description = "Whether a player is banned, since when and why",
        requiredProperties = {"walletAddress", "banned"})
public record PlayerBan(
        @Schema(description = "The player's wallet (base58)", example = "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T") String walletAddress,
        @Schema(description = "True while the player is banned", example = "true") boolean banned,
        @Schema(description = "When the ban was first written; absent when not banned", format = "date-time",
                example = "2026-11-30T19:00:00Z") Instant bannedAt,
        @Schema(description = "The reason the admin gave (1 to 200 characters); absent when not banned",
                example = "chargeback fraud") String reason) {
}
