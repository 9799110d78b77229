package com.solduel.game.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A game-theory sanity check: a player who always picks the same action (when it is legal,
 * otherwise a random legal one) must not crush an opponent who picks uniformly at random.
 * If one action won more than 80% of games, it would dominate and the others would be decoration;
 * if it won less than 20%, it would be useless.
 */
class StrategyBalanceTest {

    static final int GAMES = 1_000;
    static final double MAX_WIN_RATE = 0.80;
    static final double MIN_WIN_RATE = 0.20;

    @TestFactory
    List<DynamicTest> noSingleActionDominatesARandomOpponent() {
        return List.of(GameType.values()).stream()
                .flatMap(type -> GameTypes.rulesFor(type).actions().stream()
                        .map(action -> DynamicTest.dynamicTest(type + " always " + action.code(), () -> {
                            double winRate = winRate(type, action.code());
                            assertThat(winRate).as("win rate of always %s in %s", action.code(), type)
                                    .isBetween(MIN_WIN_RATE, MAX_WIN_RATE);
                        })))
                .toList();
    }

    /** Share of games the fixed strategy wins; it sits in P1 for half the games and P2 for the others. */
    private static double winRate(GameType type, String fixed) {
        Random random = new Random(2024);
        int wins = 0;
        for (int game = 0; game < GAMES; game++) {
            Seat fixedSeat = game % 2 == 0 ? Seat.P1 : Seat.P2;
            Match<?> match = Match.start(SimulatedGames.setup(type, type == GameType.RPS ? 3 : 1, game));
            while (!match.isFinished()) {
                for (Seat seat : Seat.values()) {
                    List<String> legal = match.legalActions(seat);
                    String choice = seat == fixedSeat && legal.contains(fixed)
                            ? fixed
                            : legal.get(random.nextInt(legal.size()));
                    match = match.submit(seat, match.turn(), choice);
                }
                match = match.resolveTurn().match();
            }
            if (match.outcome().orElseThrow().winnerSeat().filter(fixedSeat::equals).isPresent()) {
                wins++;
            }
        }
        return (double) wins / GAMES;
    }
}
