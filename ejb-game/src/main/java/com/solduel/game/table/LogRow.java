package com.solduel.game.table;

import com.solduel.game.rules.ForfeitCause;
import com.solduel.game.rules.Forfeited;
import com.solduel.game.rules.LoggedAction;
import com.solduel.game.rules.Seat;
import java.util.Objects;

/**
 * One row of a game's action log ({@code game_actions}), numbered by {@code sequence}: a move
 * (chosen by the player, or by the rules when the turn clock ran out) or a forfeit.
 */
public sealed interface LogRow permits LogRow.Move, LogRow.Forfeit {

    /** 1, 2, 3... in the order the game accepted the rows. */
    int sequence();

    /** Who acted or forfeited. */
    Seat seat();

    /**
     * A move. {@code clientSeq} is the player's sequence number of the frame that carried it (0
     * for a move the turn clock made), kept so a resend after a rebuild is still recognised.
     */
    record Move(LoggedAction action, int clientSeq) implements LogRow {

        /** Rejects a missing action. */
        public Move {
            Objects.requireNonNull(action, "action");
        }

        @Override
        public int sequence() {
            return action.sequence();
        }

        @Override
        public Seat seat() {
            return action.seat();
        }
    }

    /** {@code seat} forfeited the game for {@code cause}. */
    record Forfeit(int sequence, Seat seat, ForfeitCause cause) implements LogRow {

        /** Rejects missing parts. */
        public Forfeit {
            Objects.requireNonNull(seat, "seat");
            Objects.requireNonNull(cause, "cause");
        }

        /** Who forfeited and why, as the export and the verifier see it. */
        public Forfeited forfeited() {
            return new Forfeited(seat, cause);
        }
    }
}
