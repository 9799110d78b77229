package com.solduel.player;

import com.solduel.shared.SolDuelException;
import jakarta.ejb.ApplicationException;

/** The player is banned (SPEC §4): they cannot sign in, create or join a game, queue or connect. */
@ApplicationException(rollback = true)
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
