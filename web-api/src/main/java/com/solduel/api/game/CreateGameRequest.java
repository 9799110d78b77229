package com.solduel.api.game;

import com.solduel.api.ApiSchemas;
import com.solduel.money.Lamports;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code {"gameType": "RPS"|"DUEL", "bestOf": 1|3|5 (RPS), "clientSeed": "your randomness, optional",
 * "rated": true|false, "wager": lamports, optional}}.
 */
@Schema(name = "CreateGameRequest", description = "A private challenge to create")
public record CreateGameRequest(
        @Schema(description = "The game type (case-insensitive)", required = true, enumeration = {"RPS", "DUEL"},
                example = "RPS")
        @NotBlank(message = "gameType is required (RPS or DUEL)") @Pattern(regexp = "(?i)RPS|DUEL", message = "gameType must be RPS or DUEL") String gameType,
        @Schema(description = "Rounds the match is played over: RPS 1, 3 or 5; DUEL always 1. Default 1. "
                + "Must be an integer literal (no fraction, exponent or out-of-range value)",
                type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, format = "int32",
                enumeration = {"1", "3", "5"}, defaultValue = "1", example = "3")
        Integer bestOf,
        @Schema(description = ApiSchemas.CLIENT_SEED_DESCRIPTION, minLength = 1, maxLength = 64,
                pattern = ApiSchemas.CLIENT_SEED, example = "my-own-randomness-42")
        @Size(max = 64, message = "clientSeed is at most 64 characters") String clientSeed,
        @Schema(description = "Whether the result moves ratings (docs/ratings.md); default true. An unrated game changes "
                + "no rating, rating history, leaderboard or win/loss count. A JSON boolean only",
                type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.BOOLEAN, defaultValue = "true", example = "true")
        Boolean rated,

        @Schema(description = "Each player's stake in lamports: 0 or absent for free play, else from "
                + "solduel.wager.min-lamports to solduel.wager.max-lamports (GET /api/vault tells them). A JSON integer "
                + "exactly: no string, fraction, exponent, sign or value beyond 2^63-1",
                type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, format = "int64",
                minimum = "0", defaultValue = "0", example = "50000000")
        Lamports wager) {
}
