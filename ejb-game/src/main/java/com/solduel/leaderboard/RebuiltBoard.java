package com.solduel.leaderboard;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One game type's leaderboard after a rebuild. */
@Schema(name = "RebuiltBoard", description = "A game type's leaderboard after a rebuild", requiredProperties = {"gameType", "players"})
public record RebuiltBoard(
        @Schema(description = "The game type", enumeration = {"RPS", "DUEL"}, example = "RPS") String gameType,
        @Schema(description = "Players on it now", format = "int32", example = "143") int players) {
}
