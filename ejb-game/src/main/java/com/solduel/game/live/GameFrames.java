package com.solduel.game.live;

import com.solduel.game.rules.GameView;
import com.solduel.game.rules.Outcome;
import com.solduel.game.rules.PerSeat;
import com.solduel.game.rules.Seat;
import com.solduel.game.rules.TurnEvent;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.util.Collection;
import java.util.List;

/**
 * The game protocol's server-to-client frames, built in one place (documented in
 * websocket-war/asyncapi.yaml). Every frame is a JSON object with a {@code type}; frames that
 * change the game carry the game's event {@code version} so a reconnecting client can resume.
 */
public final class GameFrames {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private GameFrames() {
    }

    /** A full snapshot for one viewer ({@code seat} null for a spectator). */
    static JsonObject state(LiveGame game, Seat seat, GameView view) {
        return Json.createObjectBuilder()
                .add("type", "state")
                .add("gameId", game.id)
                .add("gameType", game.type.name())
                .add("version", game.version)
                .add("seat", seat == null ? JsonValue.NULL : Json.createValue(seat.name()))
                .add("players", seats(game.wallets.map(Json::createValue)))
                .add("turn", game.match.turn())
                .add("turnDeadline", game.turnDeadline)
                .add("serverSeedSha256", game.serverSeedHash)
                .add("finished", game.match.isFinished())
                .add("connected", seats(PerSeat.of(s -> game.isConnected(s) ? JsonValue.TRUE : JsonValue.FALSE)))
                .add("lastClientSeq", seat == null ? JsonValue.NULL : Json.createValue(game.lastClientSeq[LiveGame.index(seat)]))
                .add("view", toJson(view))
                .build();
    }

    static JsonObject actionAccepted(long gameId, int clientSeq, int turn, String action, boolean duplicate) {
        return Json.createObjectBuilder()
                .add("type", "action_accepted")
                .add("gameId", gameId)
                .add("clientSeq", clientSeq)
                .add("turn", turn)
                .add("action", action)
                .add("duplicate", duplicate)
                .build();
    }

    static JsonObject playerActed(long gameId, long version, Seat seat, int turn) {
        return Json.createObjectBuilder()
                .add("type", "player_acted")
                .add("gameId", gameId)
                .add("version", version)
                .add("seat", seat.name())
                .add("turn", turn)
                .build();
    }

    static JsonObject turnResult(long gameId, long version, int turn, PerSeat<String> moves, Collection<Seat> timedOut,
                                 List<TurnEvent> events, PerSeat<Integer> score, String actionLogSha256,
                                 int nextTurn, long nextDeadline) {
        JsonArrayBuilder timed = Json.createArrayBuilder();
        timedOut.forEach(s -> timed.add(s.name()));
        JsonArrayBuilder eventArray = Json.createArrayBuilder();
        events.forEach(e -> eventArray.add(Json.createObjectBuilder(toJson(e).asJsonObject())
                .add("kind", e.getClass().getSimpleName())));
        return Json.createObjectBuilder()
                .add("type", "turn_result")
                .add("gameId", gameId)
                .add("version", version)
                .add("turn", turn)
                .add("moves", seats(moves.map(Json::createValue)))
                .add("timedOut", timed)
                .add("events", eventArray)
                .add("score", seats(score.map(i -> Json.createValue((int) i))))
                .add("actionLogSha256", actionLogSha256)
                .add("nextTurn", nextTurn)
                .add("turnDeadline", nextDeadline)
                .build();
    }

    static JsonObject presence(long gameId, long version, Seat seat, boolean connected, long graceSeconds) {
        return Json.createObjectBuilder()
                .add("type", connected ? "player_reconnected" : "player_disconnected")
                .add("gameId", gameId)
                .add("version", version)
                .add("seat", seat.name())
                .add("graceSeconds", graceSeconds)
                .build();
    }

    static JsonObject gameOver(LiveGame game, Outcome outcome, String serverSeed, String actionLogSha256,
                               PerSeat<Integer> ratings, PerSeat<Integer> ratingChanges) {
        JsonObjectBuilder frame = Json.createObjectBuilder()
                .add("type", "game_over")
                .add("gameId", game.id)
                .add("version", game.version)
                .add("outcome", outcome.code())
                .add("reason", outcome.reason())
                .add("winner", outcome.isDraw() ? JsonValue.NULL : Json.createValue(game.wallets.get(outcome.winner())))
                .add("score", seats(game.match.score().map(i -> Json.createValue((int) i))))
                .add("turnsPlayed", game.match.turnsPlayed())
                .add("serverSeed", serverSeed)
                .add("serverSeedSha256", game.serverSeedHash)
                .add("actionLogSha256", actionLogSha256);
        if (ratings != null) {
            frame.add("ratings", seats(ratings.map(i -> Json.createValue((int) i))))
                    .add("ratingChanges", seats(ratingChanges.map(i -> Json.createValue((int) i))));
        }
        return frame.build();
    }

    /** An error answer; {@code clientSeq} ties it to the submit it refuses, when there is one. */
    public static JsonObject error(String code, String message, Integer clientSeq) {
        JsonObjectBuilder frame = Json.createObjectBuilder()
                .add("type", "error")
                .add("code", code)
                .add("message", message == null ? code : message);
        if (clientSeq != null) {
            frame.add("clientSeq", clientSeq);
        }
        return frame.build();
    }

    private static JsonObject seats(PerSeat<? extends JsonValue> values) {
        return Json.createObjectBuilder().add("P1", values.p1()).add("P2", values.p2()).build();
    }

    private static JsonValue toJson(Object value) {
        try (var reader = Json.createReader(new StringReader(JSONB.toJson(value)))) {
            return reader.readValue();
        }
    }
}
