package com.solduel.game.verify;

import com.solduel.game.rules.LoggedAction;
import com.solduel.game.rules.Seat;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

/**
 * The one JSON encoding of a logged action's fields: {@code "seat"}, {@code "turn"},
 * {@code "action"}, {@code "timedOut"}. The export adds {@code "seq"} beside them
 * ({@link GameExportJson}); the server's action log adds what only it keeps (the player's
 * clientSeq) and stores the sequence number in its own column.
 */
public final class LoggedActionJson {

    private static final JsonProvider JSON = JsonProvider.provider();

    private LoggedActionJson() {
    }

    /** The action's fields, to which a caller may add its own. */
    public static JsonObjectBuilder fields(LoggedAction action) {
        return JSON.createObjectBuilder()
                .add("seat", action.seat().name())
                .add("turn", action.turn())
                .add("action", action.action())
                .add("timedOut", action.timedOut());
    }

    /**
     * The action numbered {@code sequence} from its fields; a missing {@code timedOut} reads as
     * {@code timedOutByDefault}. Throws on a missing or mistyped field.
     */
    public static LoggedAction read(int sequence, JsonObject fields, boolean timedOutByDefault) {
        return new LoggedAction(sequence, Seat.valueOf(fields.getString("seat")), fields.getInt("turn"),
                fields.getString("action"), fields.getBoolean("timedOut", timedOutByDefault));
    }
}
