package com.solduel.game.rules;

import java.util.Objects;
import java.util.Optional;

/**
 * How a game ended: a winning seat or a draw, and why.
 *
 * @param winner the winning seat, {@code null} for a draw
 * @param reason a stable upper-case reason such as {@code "KNOCKOUT"} or {@code "TIE_CAP"}
 */
public record Outcome(Seat winner, String reason) {

    /** Reason used when a player forfeits (two missed turns, disconnect); decided by the server, not the rules. */
    public static final String FORFEIT = "FORFEIT";

    /**
     * Reason used when both players forfeit at once (both absent, or both out of turns): nobody
     * wins, the game is aborted and no rating changes.
     */
    public static final String ABANDONED = "ABANDONED";

    /** Requires a reason. */
    public Outcome {
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code seat} won. */
    public static Outcome win(Seat seat, String reason) {
        return new Outcome(Objects.requireNonNull(seat, "seat"), reason);
    }

    /** Nobody won; wagers are refunded. */
    public static Outcome draw(String reason) {
        return new Outcome(null, reason);
    }

    /** Whether nobody won. */
    public boolean isDraw() {
        return winner == null;
    }

    /** The winner, empty for a draw. */
    public Optional<Seat> winnerSeat() {
        return Optional.ofNullable(winner);
    }

    /** {@code "P1"}, {@code "P2"} or {@code "DRAW"}: the form used in exports and frames. */
    public String code() {
        return isDraw() ? "DRAW" : winner.name();
    }
}
