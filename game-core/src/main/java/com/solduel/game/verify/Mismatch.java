package com.solduel.game.verify;

import java.util.Objects;

/**
 * One way an export does not add up.
 *
 * @param kind     machine-readable category
 * @param sequence the action's sequence number when the problem is about one action, else {@code null}
 * @param message  a sentence a person can act on
 */
public record Mismatch(Kind kind, Integer sequence, String message) {

    /** What kind of problem was found. */
    public enum Kind {
        /** A seed is not in the documented form. */
        INVALID_SEED,
        /** SHA-256 of the revealed server seed is not the published commitment. */
        COMMITMENT_MISMATCH,
        /** The export's rules version or options are not ones this verifier can replay. */
        UNSUPPORTED_RULES,
        /** A sequence number was skipped. */
        SEQUENCE_GAP,
        /** A sequence number is not greater than the one before it. */
        SEQUENCE_ORDER,
        /** An action is logged for a turn other than the one being played. */
        WRONG_TURN,
        /** A seat acted twice in one turn. */
        DUPLICATE_ACTION,
        /** An action marked as a timeout is not the rules' default action. */
        DEFAULT_ACTION_MISMATCH,
        /** An unknown action, or one the rules did not allow at that point. */
        ILLEGAL_ACTION,
        /** An action logged after the game had already ended. */
        ACTION_AFTER_END,
        /** The forfeits listed do not fit the result or the log (e.g. "missed two turns" with a move of its own). */
        FORFEIT_MISMATCH,
        /** The log ends before the rules decide the game. */
        GAME_NOT_FINISHED,
        /** The claimed winner, reason, turn count or score differs from the replay. */
        RESULT_MISMATCH,
        /** The action log digest differs from the one in the export. */
        LOG_DIGEST_MISMATCH
    }

    /** Requires a kind and a message. */
    public Mismatch {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** A problem with the export as a whole. */
    static Mismatch of(Kind kind, String message) {
        return new Mismatch(kind, null, message);
    }

    /** "KIND at seq N: message", for the command line. */
    @Override
    public String toString() {
        return kind + (sequence == null ? "" : " at seq " + sequence) + ": " + message;
    }
}
