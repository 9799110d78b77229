package com.solduel.matchmaking;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a player stands in matchmaking: waiting in a bucket (position, time waited, current
 * search range), or matched (the game). Absent fields are omitted.
 */
@Schema(name = "QueueStatus", description = "A player's place in matchmaking: waiting (position, waited time, range) or matched (the game)")
public record QueueStatus(
        @Schema(description = "QUEUED while waiting; MATCHED once a game was made (kept solduel.matchmaking.matched-ticket-seconds, 60 by default)",
                enumeration = {"QUEUED", "MATCHED"}, example = "QUEUED") String status,
        @Schema(description = "The bucket: game type, wager in lamports, rated or unrated", example = "RPS:0:rated") String bucket,
        @Schema(description = "The game type", enumeration = {"RPS", "DUEL"}, example = "RPS") String gameType,
        @Schema(description = "The wager in lamports", example = "0") long wager,
        @Schema(description = "Whether games of this bucket are rated", example = "true") boolean rated,
        @Schema(description = "Your rating for this game type when you joined (1000 before your first rated game)", example = "1000") int rating,
        @Schema(description = "1 for the longest-waiting player of the bucket, 2 for the next...; absent while your pair's game is being made or once matched",
                nullable = true, example = "3") Long position,
        @Schema(description = "Whole seconds since you joined", example = "12") long waitedSeconds,
        @Schema(description = "Epoch milliseconds when you joined", example = "1764547200123") long joinedAt,
        @Schema(description = "Ratings you are matched against now (it widens with waiting, up to the bucket's cap)",
                nullable = true) SearchRange range,
        @Schema(description = "Where you joined: WS (leaving when your sockets close, after the reconnect grace) or REST",
                enumeration = {"WS", "REST"}, example = "REST") String via,
        @Schema(description = "Epoch milliseconds when this entry expires unless matched (join again to stay longer)",
                example = "1764547500123") long expiresAt,
        @Schema(description = "The game, once matched", nullable = true, example = "42") Long gameId,
        @Schema(description = "The match, once matched", nullable = true) MatchFound match) {
}
