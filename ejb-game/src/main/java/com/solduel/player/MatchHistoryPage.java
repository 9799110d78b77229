package com.solduel.player;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a player's games, newest first. */
@Schema(name = "MatchHistoryPage", description = "One page of a player's games, newest first",
        requiredProperties = {"items", "page", "size", "total"})
public record MatchHistoryPage(
        @Schema(description = "The games of this page, newest (highest id) first") List<MatchHistoryEntry> items,
        @Schema(description = "The page number (0-based)", format = "int32", example = "0") int page,
        @Schema(description = "The page size", format = "int32", example = "20") int size,
        @Schema(description = "How many games the player has in all", format = "int64", example = "47") long total) {

    /** Copies the list. */
    public MatchHistoryPage {
        items = List.copyOf(items);
    }
}
