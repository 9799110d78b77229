package com.solduel.game.settlement;

import com.solduel.game.rules.GameType;
import com.solduel.game.rules.Outcome;
import com.solduel.game.rules.PerSeat;
import com.solduel.game.rules.Seat;
import com.solduel.player.WalletAddress;
import java.util.Optional;

/**
 * A game's result is being recorded. Fired synchronously inside the recording's JTA transaction,
 * with the game's row and both players' rows locked (players in id order): an observer with
 * {@code @Observes(during = TransactionPhase.IN_PROGRESS)} writes in the same transaction (all or
 * nothing with the result); {@code AFTER_SUCCESS} observers run once it committed. Observers must
 * not call back into the game, and write the players' counters (ratings, wins, earnings) in SQL:
 * those columns are not written through the {@code Player} entity.
 *
 * @param playerIds {@code players.id} of each seat
 * @param outcome   the winner or a draw, and why ({@link Outcome#FORFEIT}, {@link Outcome#ABANDONED}, ...)
 * @param gameType  the game's type (ratings are kept per type)
 * @param rated     whether the result moves ratings ({@code games.rated}); an unrated game changes none
 * @param wagered   whether the game stakes SOL ({@code games.wager_amount} above 0); a free game has no
 *                  pot to settle
 */
public record GameFinished(long gameId, PerSeat<Integer> playerIds, PerSeat<WalletAddress> wallets, Outcome outcome,
                           GameType gameType, boolean rated, boolean wagered) {

    /** True when both players forfeited: nobody won and the game is aborted (no rating change; stakes refunded). */
    public boolean abandoned() {
        return Outcome.ABANDONED.equals(outcome.reason());
    }

    /** The result each seat scored: 1 a win, 0 a loss, 0.5 a draw; empty for an abandoned game. */
    public Optional<PerSeat<Double>> scores() {
        if (abandoned()) {
            return Optional.empty();
        }
        return Optional.of(PerSeat.of(seat -> outcome.isDraw() ? 0.5 : outcome.winner() == seat ? 1.0 : 0.0));
    }

    /** The seat that won, empty for a draw or an abandoned game. */
    public Optional<Seat> winner() {
        return outcome.winnerSeat();
    }
}
