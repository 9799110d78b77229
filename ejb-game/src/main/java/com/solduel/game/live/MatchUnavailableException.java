package com.solduel.game.live;

import com.solduel.game.table.GameRefusedException;
import com.solduel.shared.SolDuelException.Kind;
import java.util.List;

/**
 * A matched pair cannot become a game: {@code wallets} are banned or in another game by now. The
 * transaction is rolled back (a {@link GameRefusedException}); the other player goes back to the queue.
 */
public class MatchUnavailableException extends GameRefusedException {

    private final List<String> wallets;

    public MatchUnavailableException(List<String> wallets) {
        super("match-unavailable", Kind.CONFLICT, "players no longer available for the match: " + wallets);
        this.wallets = List.copyOf(wallets);
    }

    /** The wallets that cannot play the match. */
    public List<String> wallets() {
        return wallets;
    }
}
