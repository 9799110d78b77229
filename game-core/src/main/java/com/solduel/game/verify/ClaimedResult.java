package com.solduel.game.verify;

import com.solduel.game.rules.Outcome;
import com.solduel.game.rules.PerSeat;
import java.util.Objects;

/**
 * The result the server declared, as written in the export.
 *
 * @param outcome     winner or draw, and the reason
 * @param turnsPlayed how many turns resolved
 * @param score       final rounds won (RPS) or hit points (DUEL) per seat
 */
public record ClaimedResult(Outcome outcome, int turnsPlayed, PerSeat<Integer> score) {

    /** Rejects missing parts. */
    public ClaimedResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(score, "score");
    }
}
