package com.solduel.game.verify;

/** The input is not a readable game export (not JSON, a field missing or of the wrong type). */
public class MalformedExportException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A problem at a JSON path such as {@code actions[3].turn}. */
    public MalformedExportException(String message) {
        super(message);
    }

    /** A problem caused by {@code cause}. */
    public MalformedExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
