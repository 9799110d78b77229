package com.solduel.game.live;

/** A private challenge was created: share the invite code; the server seed's hash is its commitment. */
public record CreatedGame(long gameId, String gameType, int bestOf, String inviteCode, String serverSeedSha256,
                          String seat, String clientSeed) {
}
