package com.solduel.player;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of players; {@code total} counts all players so a client can page to the end. */
@Schema(name = "PlayerPage", description = "One page of players", requiredProperties = {"items", "page", "size", "total"})
public record PlayerPage(
        @Schema(description = "The players of this page") List<PlayerState> items,
        @Schema(description = "The page number (0-based)", format = "int32", example = "0") int page,
        @Schema(description = "The page size", format = "int32", example = "20") int size,
        @Schema(description = "How many players there are in all", format = "int64", example = "143") long total) {
}
