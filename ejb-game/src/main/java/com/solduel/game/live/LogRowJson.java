package com.solduel.game.live;

import com.solduel.game.rules.ForfeitCause;
import com.solduel.game.rules.Seat;
import com.solduel.game.table.LogRow;
import com.solduel.game.verify.LoggedActionJson;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import java.util.Map;

/**
 * The one JSON encoding of an action-log row, used for {@code game_actions.action_data} and the
 * Redis session alike: a move is the action's fields as every encoding writes them
 * ({@link LoggedActionJson}) plus {@code "clientSeq"}, a forfeit {@code {"seat","cause"}}. The sequence number and the row type live beside it (the
 * table's columns, the session's {@code seq} and {@code type}).
 */
public final class LogRowJson {

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private LogRowJson() {
    }

    /** The database's {@code action_type_enum} value of {@code row}. */
    public static GameActionRecord.ActionType type(LogRow row) {
        if (row instanceof LogRow.Forfeit) {
            return GameActionRecord.ActionType.FORFEIT;
        }
        return ((LogRow.Move) row).action().timedOut() ? GameActionRecord.ActionType.TIMEOUT_MOVE
                : GameActionRecord.ActionType.MOVE;
    }

    /** The row's data, without its sequence number and type. */
    public static JsonObject data(LogRow row) {
        if (row instanceof LogRow.Forfeit forfeit) {
            return JSON.createObjectBuilder().add("seat", forfeit.seat().name()).add("cause", forfeit.cause().name()).build();
        }
        LogRow.Move move = (LogRow.Move) row;
        return LoggedActionJson.fields(move.action()).add("clientSeq", move.clientSeq()).build();
    }

    /**
     * A row back from its type, sequence number and data. A FORFEIT written before causes were
     * recorded (no {@code cause}) was always an absence or missed turns; it reads as ABSENT.
     */
    public static LogRow read(GameActionRecord.ActionType type, int sequence, JsonObject data) {
        Seat seat = Seat.valueOf(data.getString("seat"));
        if (type == GameActionRecord.ActionType.FORFEIT) {
            return new LogRow.Forfeit(sequence, seat, ForfeitCause.valueOf(data.getString("cause", ForfeitCause.ABSENT.name())));
        }
        if (type != GameActionRecord.ActionType.MOVE && type != GameActionRecord.ActionType.TIMEOUT_MOVE) {
            throw new IllegalArgumentException("a game's log holds no " + type + " rows");
        }
        return new LogRow.Move(LoggedActionJson.read(sequence, data, type == GameActionRecord.ActionType.TIMEOUT_MOVE),
                data.getInt("clientSeq", 0));
    }
}
