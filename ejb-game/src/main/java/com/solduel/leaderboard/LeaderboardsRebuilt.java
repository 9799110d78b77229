package com.solduel.leaderboard;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an admin's rebuild did: every game type's board and how many players it holds. */
@Schema(name = "LeaderboardsRebuilt", description = "Every game type's leaderboard, rebuilt from PostgreSQL",
        requiredProperties = {"boards"})
public record LeaderboardsRebuilt(@Schema(description = "One per game type") List<RebuiltBoard> boards) {

    /** Copies the list. */
    public LeaderboardsRebuilt {
        boards = List.copyOf(boards);
    }
}
