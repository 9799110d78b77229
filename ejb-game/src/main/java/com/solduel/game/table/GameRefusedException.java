package com.solduel.game.table;

import com.solduel.shared.SolDuelException;

/**
 * A request about a game that is refused and changes nothing: the code is what the client
 * switches on (REST problem {@code code}, WebSocket error frame {@code code}). Inside an EJB it
 * rolls the transaction back (declared in META-INF/ejb-jar.xml, keeping this class plain Java).
 */
public class GameRefusedException extends SolDuelException {

    private final String code;
    private final Kind kind;

    public GameRefusedException(String code, Kind kind, String message) {
        super(message);
        this.code = code;
        this.kind = kind;
    }

    public static GameRefusedException notFound(long gameId) {
        return new GameRefusedException("game-not-found", Kind.NOT_FOUND, "no game " + gameId);
    }

    public static GameRefusedException notYourGame(long gameId) {
        return new GameRefusedException("not-your-game", Kind.FORBIDDEN, "you are not a player of game " + gameId);
    }

    public static GameRefusedException gameOver(long gameId) {
        return new GameRefusedException("game-over", Kind.CONFLICT, "game " + gameId + " is over");
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
