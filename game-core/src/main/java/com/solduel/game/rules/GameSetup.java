package com.solduel.game.rules;

import com.solduel.game.fair.ClientSeed;
import com.solduel.game.fair.FairRng;
import com.solduel.game.fair.ServerSeed;
import java.util.Objects;

/**
 * Everything fixed before the first turn: which game, with which options, and the three seeds
 * that determine every random draw.
 *
 * @param gameId the game's id ({@code games.id})
 */
public record GameSetup(long gameId, GameType type, GameOptions options,
                        ServerSeed serverSeed, PerSeat<ClientSeed> clientSeeds) {

    /** Rejects missing parts. */
    public GameSetup {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(serverSeed, "serverSeed");
        Objects.requireNonNull(clientSeeds, "clientSeeds");
        Objects.requireNonNull(clientSeeds.p1(), "client seed of P1");
        Objects.requireNonNull(clientSeeds.p2(), "client seed of P2");
    }

    /** The game's random source. */
    public FairRng rng() {
        return FairRng.of(serverSeed, clientSeeds.p1(), clientSeeds.p2());
    }
}
