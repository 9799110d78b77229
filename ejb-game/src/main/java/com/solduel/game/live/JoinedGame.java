package com.solduel.game.live;

/** A second player took the seat; the game has started. */
public record JoinedGame(long gameId, String gameType, int bestOf, String serverSeedSha256, String seat,
                         String clientSeed, String opponent) {
}
