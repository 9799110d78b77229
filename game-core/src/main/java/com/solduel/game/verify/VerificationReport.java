package com.solduel.game.verify;

import java.util.List;

/**
 * What the verifier concluded about one export.
 *
 * @param replayed   the result recomputed from seeds and log, {@code null} if the replay could not finish
 * @param mismatches every problem found; empty means verified
 * @param notes      remarks that are not failures (e.g. what a forfeit check cannot prove)
 */
public record VerificationReport(long gameId, ClaimedResult replayed, List<Mismatch> mismatches,
                                 List<String> notes) {

    /** Copies the lists. */
    public VerificationReport {
        mismatches = List.copyOf(mismatches);
        notes = List.copyOf(notes);
    }

    /** Whether the export is consistent: commitment, log and result all check out. */
    public boolean ok() {
        return mismatches.isEmpty();
    }

    /** Whether some problem of {@code kind} was found. */
    public boolean has(Mismatch.Kind kind) {
        return mismatches.stream().anyMatch(m -> m.kind() == kind);
    }
}
