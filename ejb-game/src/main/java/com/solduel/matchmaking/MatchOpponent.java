package com.solduel.matchmaking;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The opponent a player was matched with. */
@Schema(name = "MatchOpponent", description = "The opponent a player was matched with")
public record MatchOpponent(
        @Schema(description = "Their wallet", example = "5mX4qSWrANWVx1GREkyurkxqrVFWiguFcXVe6GJdJ6Kg") String wallet,
        @Schema(description = "Their username, when they chose one", nullable = true) String username,
        @Schema(description = "Their rating for this game type when they joined the queue", example = "1012") int rating) {
}
