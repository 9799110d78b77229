package com.solduel.game.live;

/**
 * A second player took the seat; the game has started. Both client seeds are fixed from now on:
 * {@code clientSeed} is the joiner's, {@code opponentClientSeed} the creator's.
 */
public record JoinedGame(long gameId, String gameType, int bestOf, String serverSeedSha256, String seat,
                         String clientSeed, String opponent, String opponentClientSeed) {
}
