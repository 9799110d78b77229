package com.solduel.game.table;

import com.solduel.game.rules.GameType;
import com.solduel.game.rules.PerSeat;

/**
 * Both seats are taken and both client seeds are fixed: the game is on (version 1). Turn 1's
 * clock starts separately ({@link TurnStarted}) once both players are connected, or when the
 * join grace runs out.
 */
public record GameStarted(long version, long gameId, GameType gameType, int bestOf, PerSeat<String> wallets,
                          PerSeat<String> clientSeeds, String serverSeedSha256) implements VersionedEvent {
}
