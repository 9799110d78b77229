package com.solduel.game.verify;

import com.solduel.game.rules.Forfeited;
import com.solduel.game.rules.Outcome;
import com.solduel.game.rules.PerSeat;
import java.util.List;
import java.util.Objects;

/**
 * The result the server declared, as written in the export.
 *
 * @param outcome     winner or draw, and the reason
 * @param turnsPlayed how many turns resolved
 * @param score       final rounds won (RPS) or hit points (DUEL) per seat
 * @param forfeits    who forfeited and why (one seat for a FORFEIT, both for ABANDONED, none otherwise)
 */
public record ClaimedResult(Outcome outcome, int turnsPlayed, PerSeat<Integer> score, List<Forfeited> forfeits) {

    /** Rejects missing parts and copies the list. */
    public ClaimedResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(score, "score");
        forfeits = List.copyOf(forfeits);
    }

    /** A result nobody forfeited. */
    public ClaimedResult(Outcome outcome, int turnsPlayed, PerSeat<Integer> score) {
        this(outcome, turnsPlayed, score, List.of());
    }
}
