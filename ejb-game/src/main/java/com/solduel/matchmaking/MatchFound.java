package com.solduel.matchmaking;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a matched player is told (the WebSocket frame {@code match_found}, and {@code match} in the
 * REST status): their game, their seat and their opponent. A free game is already in progress:
 * the client sends {@code join_game} with {@code gameId} to play it, as for a joined challenge. A
 * wagered one ({@code wager} above 0) awaits both deposits first (GET /api/games/{id}/deposits).
 */
@Schema(name = "MatchFound", description = "The game a queued player was matched into; play it with join_game {gameId} on "
        + "the game socket. With a wager above 0 the game awaits both players' deposits first (AWAITING_DEPOSITS): "
        + "GET /api/games/{gameId}/deposits says what to send; it starts once both are credited")
public record MatchFound(
        @Schema(description = "The game's id", example = "42") long gameId,
        @Schema(description = "The game type", enumeration = {"RPS", "DUEL"}, example = "RPS") String gameType,
        @Schema(description = "Rounds: the game type's default options (RPS best of 1, DUEL 1)", example = "1") int bestOf,
        @Schema(description = "The wager in lamports each player stakes (0: free play)", example = "0") long wager,
        @Schema(description = "Whether the result moves ratings", example = "true") boolean rated,
        @Schema(description = "The bucket the player waited in", example = "RPS:0:rated") String bucket,
        @Schema(description = "Your seat", enumeration = {"P1", "P2"}, example = "P1") String yourSeat,
        @Schema(description = "SHA-256 of the server seed, committed before the first move", example = "630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd")
        String serverSeedSha256,
        @Schema(description = "Your opponent") MatchOpponent opponent) {

    private static final JsonProvider JSON = JsonProvider.provider();

    /** The {@code match_found} frame. */
    public JsonObject frame() {
        var opponentJson = JSON.createObjectBuilder().add("wallet", opponent.wallet()).add("rating", opponent.rating());
        if (opponent.username() != null) {
            opponentJson.add("username", opponent.username());
        } else {
            opponentJson.addNull("username");
        }
        return JSON.createObjectBuilder()
                .add("type", "match_found")
                .add("gameId", gameId)
                .add("gameType", gameType)
                .add("bestOf", bestOf)
                .add("wager", wager)
                .add("rated", rated)
                .add("bucket", bucket)
                .add("yourSeat", yourSeat)
                .add("serverSeedSha256", serverSeedSha256)
                .add("opponent", opponentJson)
                .build();
    }

    /** Reads a frame made by {@link #frame()} (kept in the ticket). */
    public static MatchFound read(JsonObject frame) {
        JsonObject o = frame.getJsonObject("opponent");
        return new MatchFound(frame.getJsonNumber("gameId").longValue(), frame.getString("gameType"), frame.getInt("bestOf"),
                frame.getJsonNumber("wager").longValue(), frame.getBoolean("rated"), frame.getString("bucket"),
                frame.getString("yourSeat"), frame.getString("serverSeedSha256"),
                new MatchOpponent(o.getString("wallet"), o.isNull("username") ? null : o.getString("username"), o.getInt("rating")));
    }
}
