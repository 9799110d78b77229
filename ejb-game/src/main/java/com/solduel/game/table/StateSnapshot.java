package com.solduel.game.table;

import com.solduel.game.rules.GameType;
import com.solduel.game.rules.GameView;
import com.solduel.game.rules.PerSeat;
import com.solduel.game.rules.Seat;
import java.util.Optional;

/**
 * The whole game as one follower may see it, at {@code version}: the answer to joining or watching.
 *
 * @param status        {@link Status}
 * @param seat          the follower's seat, {@code null} for a spectator
 * @param wallets       both players ({@code p2} null while waiting for an opponent)
 * @param clientSeeds   both client seeds once fixed ({@code p2} null while waiting)
 * @param turnDeadline  when the running turn's clock runs out (epoch ms); empty while it is not running
 * @param lastClientSeq the follower's last accepted clientSeq (players only)
 * @param view          the board and the turn as this follower may see it; {@code null} while waiting
 * @param gameOver      the result, once recorded
 */
public record StateSnapshot(long gameId, GameType gameType, int bestOf, Status status, long version, Seat seat,
                            PerSeat<String> wallets, PerSeat<String> clientSeeds, String serverSeedSha256,
                            int turn, Optional<Long> turnDeadline, PerSeat<Boolean> connected,
                            Optional<Integer> lastClientSeq, GameView view, Optional<GameOver> gameOver)
        implements GameMessage {

    /** Where the game stands. */
    public enum Status {
        /** Created; waiting for the second player to join with the invite code. */
        WAITING_FOR_OPPONENT,
        /** Being played. */
        IN_PROGRESS,
        /** Decided; {@code gameOver} follows once the result is recorded. */
        FINISHED
    }
}
