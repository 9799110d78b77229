package com.solduel.game.rules;

import java.util.Objects;

/** A logged action cannot be replayed: the log does not describe a game these rules allow. */
public class LogReplayException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the entry. */
    public enum Problem {
        /** The sequence number is not the next one. */
        SEQUENCE,
        /** The game had already ended. */
        AFTER_END,
        /** The entry belongs to another turn than the one being played. */
        WRONG_TURN,
        /** The seat already acted in this turn. */
        DUPLICATE_SEAT,
        /** Marked as a timeout default, but it is not the rules' default action. */
        DEFAULT_MISMATCH,
        /** Unknown or not allowed action. */
        ILLEGAL_ACTION
    }

    private final Problem problem;
    private final transient LoggedAction entry;
    private final String detail;

    /** A refusal of {@code entry}, explained by {@code detail}. */
    public LogReplayException(Problem problem, LoggedAction entry, String detail) {
        super("sequence " + entry.sequence() + ": " + detail);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.entry = entry;
        this.detail = detail;
    }

    /** The explanation without the sequence number. */
    public String detail() {
        return detail;
    }

    /** What is wrong. */
    public Problem problem() {
        return problem;
    }

    /** The entry that could not be replayed. */
    public LoggedAction entry() {
        return entry;
    }
}
