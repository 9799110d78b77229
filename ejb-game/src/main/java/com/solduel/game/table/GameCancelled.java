package com.solduel.game.table;

import com.solduel.game.rules.Seat;
import java.util.List;

/**
 * A wagered game was cancelled before it started ({@code reason} DEPOSIT_DEADLINE_MISSED: both
 * deposits were not in by the deadline), or an admin aborted a game awaiting deposits or in
 * progress ({@code reason} ADMIN_ABORTED); {@code refunds} are the credited stakes now owed back.
 * Told to every follower of the game, on every node; the game is over for them. Never part of
 * the game's log.
 */
public record GameCancelled(long gameId, String reason, List<Refund> refunds) implements GameMessage {

    /** The reason a game whose deposits were not both in by the deadline is cancelled with. */
    public static final String DEPOSIT_DEADLINE_MISSED = "DEPOSIT_DEADLINE_MISSED";
    /** The reason of a game an admin aborted (POST /api/admin/games/{id}/abort). */
    public static final String ADMIN_ABORTED = "ADMIN_ABORTED";

    public GameCancelled {
        refunds = List.copyOf(refunds);
    }

    /** A credited stake owed back to the player who paid it (a PENDING payout of kind REFUND). */
    public record Refund(Seat seat, String wallet, long lamports) {
    }
}
