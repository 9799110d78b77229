package com.solduel.player;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One rated game's effect on a game type's rating: a point of the profile's rating chart. */
@Schema(name = "RatingPoint", description = "A game type's rating before and after one rated game",
        requiredProperties = {"gameId", "before", "after", "at"})
public record RatingPoint(
        @Schema(description = "The rated game", format = "int64", example = "42") long gameId,
        @Schema(description = "Rating before the game", format = "int32", example = "1220") int before,
        @Schema(description = "Rating after the game", format = "int32", example = "1240") int after,
        @Schema(description = "When the result was recorded", format = "date-time", example = "2026-11-30T18:02:11Z") Instant at) {
}
