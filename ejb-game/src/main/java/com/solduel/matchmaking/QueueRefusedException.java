package com.solduel.matchmaking;

import com.solduel.shared.SolDuelException;

/**
 * A matchmaking request refused before anything was written: {@code player-banned},
 * {@code already-queued}, {@code already-in-game}, {@code wager-not-offered}, {@code not-queued},
 * {@code already-matched}, ... (docs/matchmaking.md lists them with their statuses).
 */
public class QueueRefusedException extends SolDuelException {

    private final String code;
    private final Kind kind;

    public QueueRefusedException(String code, Kind kind, String message) {
        super(message);
        this.code = code;
        this.kind = kind;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
