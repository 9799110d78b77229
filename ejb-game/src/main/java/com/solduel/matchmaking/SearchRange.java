package com.solduel.matchmaking;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The ratings a waiting player accepts an opponent from, both ends included. */
@Schema(name = "SearchRange", description = "The ratings accepted as an opponent now, both ends included")
public record SearchRange(@Schema(description = "Lowest rating accepted", example = "950") int min,
                          @Schema(description = "Highest rating accepted", example = "1050") int max) {
}
