package com.solduel.game.table;

import com.solduel.game.rules.Outcome;
import com.solduel.game.rules.PerSeat;
import java.util.List;
import java.util.Optional;

/**
 * The game's result was recorded: the outcome (a winner, a draw, or ABANDONED when both players
 * forfeited), who forfeited and why, the revealed server seed and, for a rated result, the new
 * ratings. The last event of a game.
 */
public record GameOver(long version, long gameId, Outcome outcome, List<LogRow.Forfeit> forfeits,
                       PerSeat<String> wallets, PerSeat<Integer> score, int turnsPlayed, String serverSeed,
                       String serverSeedSha256, String actionLogSha256, Optional<Settlement> settlement)
        implements VersionedEvent {

    /** Copies the list. */
    public GameOver {
        forfeits = List.copyOf(forfeits);
    }

    /** The winner's wallet, empty for a draw or an abandoned game. */
    public Optional<String> winner() {
        return outcome.winnerSeat().map(wallets::get);
    }
}
