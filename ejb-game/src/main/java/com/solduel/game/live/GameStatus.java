package com.solduel.game.live;

import java.util.EnumSet;
import java.util.Set;

/**
 * A game's life (SPEC §5), named exactly as the database's {@code game_status_enum}, with the
 * transitions it allows written down in one place.
 */
public enum GameStatus {
    CREATED,
    AWAITING_DEPOSITS,
    IN_PROGRESS,
    COMPLETED,
    CANCELLED,
    ABORTED;

    /** The statuses this one may move to. */
    public Set<GameStatus> next() {
        return switch (this) {
            // A free game (wager 0) skips the deposits.
            case CREATED -> EnumSet.of(AWAITING_DEPOSITS, IN_PROGRESS, CANCELLED);
            // ABORTED: an admin's abort (credited stakes refunded), before or during play.
            case AWAITING_DEPOSITS -> EnumSet.of(IN_PROGRESS, CANCELLED, ABORTED);
            case IN_PROGRESS -> EnumSet.of(COMPLETED, ABORTED);
            case COMPLETED, CANCELLED, ABORTED -> EnumSet.noneOf(GameStatus.class);
        };
    }

    /** This status moved to {@code target}, or an {@link IllegalStateException} if the move is not allowed. */
    public GameStatus moveTo(GameStatus target) {
        if (!next().contains(target)) {
            throw new IllegalStateException("a game cannot go from " + this + " to " + target);
        }
        return target;
    }

    /** True once nothing more can happen in the game. */
    public boolean isFinal() {
        return next().isEmpty();
    }
}
