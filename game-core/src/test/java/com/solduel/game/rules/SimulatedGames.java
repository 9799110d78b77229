package com.solduel.game.rules;

import com.solduel.game.fair.ClientSeed;
import com.solduel.game.fair.ServerSeed;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/** Plays whole games with random legal choices, for property and balance tests. */
public final class SimulatedGames {

    private SimulatedGames() {
    }

    /** A setup whose seeds all derive from {@code seed}. */
    public static GameSetup setup(GameType type, int bestOf, long seed) {
        Random random = new Random(seed);
        byte[] serverSeed = new byte[ServerSeed.BYTES];
        random.nextBytes(serverSeed);
        return new GameSetup(Math.abs(seed % 1_000_000), type, GameOptions.bestOf(bestOf),
                new ServerSeed(HexFormat.of().formatHex(serverSeed)),
                new PerSeat<>(new ClientSeed("p1-" + Long.toHexString(random.nextLong())),
                        new ClientSeed("p2-" + Long.toHexString(random.nextLong()))));
    }

    /**
     * Plays {@code setup} to the end: each seat picks a uniformly random legal action, or times out
     * with probability {@code timeoutRate}; which seat submits first is random too.
     */
    public static Match<?> play(GameSetup setup, Random choices, double timeoutRate) {
        return play(setup, choices, timeoutRate, match -> { });
    }

    /** As {@link #play(GameSetup, Random, double)}, showing every match between turns to {@code observer}. */
    public static Match<?> play(GameSetup setup, Random choices, double timeoutRate, Consumer<Match<?>> observer) {
        Match<?> match = Match.start(setup);
        observer.accept(match);
        while (!match.isFinished()) {
            Seat first = choices.nextBoolean() ? Seat.P1 : Seat.P2;
            for (Seat seat : List.of(first, first.other())) {
                if (choices.nextDouble() < timeoutRate) {
                    match = match.submitDefault(seat);
                } else {
                    List<String> legal = match.legalActions(seat);
                    match = match.submit(seat, match.turn(), legal.get(choices.nextInt(legal.size())));
                }
            }
            match = match.resolveTurn().match();
            observer.accept(match);
        }
        return match;
    }
}
