package com.solduel.player;

import com.solduel.shared.SolDuelException;
import jakarta.ejb.ApplicationException;

/**
 * The player is banned (SPEC §4): they cannot sign in, create or join a game, queue or connect.
 * Thrown before anything is written, so it marks no transaction for rollback: outside a JTA
 * transaction (the handshake's check) Liberty would otherwise record a rolled-back local
 * transaction in FFDC for every refused handshake.
 */
@ApplicationException(rollback = false)
public class PlayerBannedException extends SolDuelException {

    /** The code of the problem, the error frame, the handshake refusal and the 1008 close reason. */
    public static final String CODE = "player-banned";

    public PlayerBannedException() {
        super("this player is banned; contact support to appeal");
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public Kind kind() {
        return Kind.FORBIDDEN;
    }
}
