package com.solduel.api.matchmaking;

import com.solduel.api.ApiSchemas;
import com.solduel.money.Lamports;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code {"gameType": "RPS"|"DUEL", "wager": 0, "rated": true, "clientSeed": "optional"}}. */
@Schema(name = "QueueJoinRequest", description = "The bucket to wait in for an opponent")
public record QueueJoinRequest(
        @Schema(description = "The game type (case-insensitive)", required = true, enumeration = {"RPS", "DUEL"}, example = "RPS")
        @NotBlank(message = "gameType is required (RPS or DUEL)") @Pattern(regexp = "(?i)RPS|DUEL", message = "gameType must be RPS or DUEL")
        String gameType,
        @Schema(description = "The wager in lamports, one of solduel.matchmaking.wagers (default 0, 10000000, 50000000, 100000000, "
                + "1000000000; above 0 only while the server has its escrow vault). "
                + "Default 0. A JSON integer: no fraction, exponent, sign or string",
                type = SchemaType.INTEGER, format = "int64", minimum = "0", defaultValue = "0", example = "0")
        Lamports wager,
        @Schema(description = "Whether the game moves ratings (rated queues widen up to a cap; unrated ones without limit). Default true",
                type = SchemaType.BOOLEAN, defaultValue = "true", example = "true")
        Boolean rated,
        @Schema(description = ApiSchemas.CLIENT_SEED_DESCRIPTION, minLength = 1, maxLength = 64,
                pattern = ApiSchemas.CLIENT_SEED, example = "my-own-randomness-42")
        @Size(max = 64, message = "clientSeed is at most 64 characters") String clientSeed) {
}
