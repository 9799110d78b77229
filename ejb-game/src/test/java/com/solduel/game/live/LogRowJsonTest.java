package com.solduel.game.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.solduel.game.rules.ForfeitCause;
import com.solduel.game.rules.LoggedAction;
import com.solduel.game.rules.Seat;
import com.solduel.game.table.LogRow;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The one encoding of an action-log row, as stored in game_actions and in the Redis session. */
class LogRowJsonTest {

    @Test
    void aMoveKeepsItsFieldsAndTheClientSeq() {
        LogRow move = new LogRow.Move(new LoggedAction(3, Seat.P2, 2, "HEAVY_ATTACK", false), 7);
        JsonObject data = LogRowJson.data(move);

        assertThat(data.toString()).isEqualTo(
                "{\"seat\":\"P2\",\"turn\":2,\"action\":\"HEAVY_ATTACK\",\"timedOut\":false,\"clientSeq\":7}");
        assertThat(LogRowJson.type(move)).isEqualTo(GameActionRecord.ActionType.MOVE);
        assertThat(LogRowJson.read(GameActionRecord.ActionType.MOVE, 3, parse(data.toString()))).isEqualTo(move);
    }

    @Test
    void aTimedOutMoveIsATimeoutRow() {
        LogRow timedOut = new LogRow.Move(new LoggedAction(4, Seat.P1, 2, "BLOCK", true), 0);
        assertThat(LogRowJson.type(timedOut)).isEqualTo(GameActionRecord.ActionType.TIMEOUT_MOVE);
        assertThat(LogRowJson.read(GameActionRecord.ActionType.TIMEOUT_MOVE, 4, LogRowJson.data(timedOut))).isEqualTo(timedOut);
    }

    @Test
    void aForfeitKeepsItsCauseAndAnOldForfeitReadsAsAbsent() {
        LogRow forfeit = new LogRow.Forfeit(9, Seat.P1, ForfeitCause.MISSED_TURNS);
        assertThat(LogRowJson.data(forfeit).toString()).isEqualTo("{\"seat\":\"P1\",\"cause\":\"MISSED_TURNS\"}");
        assertThat(LogRowJson.read(GameActionRecord.ActionType.FORFEIT, 9, LogRowJson.data(forfeit))).isEqualTo(forfeit);
        assertThat(LogRowJson.read(GameActionRecord.ActionType.FORFEIT, 9, parse("{\"seat\":\"P2\"}")))
                .as("written before causes were recorded").isEqualTo(new LogRow.Forfeit(9, Seat.P2, ForfeitCause.ABSENT));
    }

    @Test
    void rowsTheGameNeverWritesAreRefused() {
        assertThatThrownBy(() -> LogRowJson.read(GameActionRecord.ActionType.RESIGN, 1, parse("{\"seat\":\"P1\"}")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
