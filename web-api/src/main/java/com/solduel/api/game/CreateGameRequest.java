package com.solduel.api.game;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code {"gameType": "RPS"|"DUEL", "bestOf": 1|3|5 (RPS), "clientSeed": "your randomness, optional"}}. */
public record CreateGameRequest(
        @NotBlank(message = "gameType is required (RPS or DUEL)") @Pattern(regexp = "(?i)RPS|DUEL", message = "gameType must be RPS or DUEL") String gameType,
        Integer bestOf,
        @Size(max = 64, message = "clientSeed is at most 64 characters") String clientSeed) {
}
