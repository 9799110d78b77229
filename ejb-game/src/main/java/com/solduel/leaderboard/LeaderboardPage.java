package com.solduel.leaderboard;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A slice of a game type's leaderboard: its top, or a player and their neighbours. */
@Schema(name = "LeaderboardPage", description = "A slice of a game type's leaderboard",
        requiredProperties = {"gameType", "total", "entries"})
public record LeaderboardPage(
        @Schema(description = "The game type", enumeration = {"RPS", "DUEL"}, example = "RPS") String gameType,
        @Schema(description = "How many players are on this leaderboard (those with at least one rated game of the type)",
                format = "int64", example = "143") long total,
        @Schema(description = "The entries, best first") List<LeaderboardEntry> entries) {

    /** Copies the list. */
    public LeaderboardPage {
        entries = List.copyOf(entries);
    }
}
