package com.solduel.ws.protocol;

import com.solduel.game.rules.GameEnded;
import com.solduel.game.rules.MovesRevealed;
import com.solduel.game.rules.PerSeat;
import com.solduel.game.rules.Seat;
import com.solduel.game.rules.TurnEvent;
import com.solduel.game.rules.duel.Countered;
import com.solduel.game.rules.duel.Healed;
import com.solduel.game.rules.duel.Missed;
import com.solduel.game.rules.duel.Struck;
import com.solduel.game.rules.rps.RoundTied;
import com.solduel.game.rules.rps.RoundWon;
import com.solduel.game.table.ActionAccepted;
import com.solduel.game.table.DepositCounted;
import com.solduel.game.table.DepositRequired;
import com.solduel.game.table.GameCancelled;
import com.solduel.game.table.GameMessage;
import com.solduel.game.table.GameOver;
import com.solduel.game.table.GameStarted;
import com.solduel.game.table.PlayerActed;
import com.solduel.game.table.PlayerLeft;
import com.solduel.game.table.PlayerReturned;
import com.solduel.game.table.StateSnapshot;
import com.solduel.game.table.TurnPlayed;
import com.solduel.game.table.TurnStarted;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Map;
import java.util.function.Function;

/**
 * The game protocol's server frames (websocket-war/asyncapi.yaml), built from the game's typed
 * messages in one place. Every frame is a JSON object with a {@code type}; the events derived from
 * the action log carry the game's {@code version}.
 */
public final class GameWire {

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());
    /** Looked up once: each of Json's static methods looks the provider up again (a ServiceLoader search). */
    private static final JsonProvider JSONP = JsonProvider.provider();
    private static final Jsonb JSONB = JsonbBuilder.create();

    /**
     * The last message this thread encoded and its text: a game tells each event to all of its
     * followers in turn, on one thread, so the event is encoded once, not once per follower.
     */
    private static final ThreadLocal<Encoded> LAST = new ThreadLocal<>();

    private GameWire() {
    }

    /** Whether {@code message} is a game's last frame ({@code game_over} or {@code game_cancelled}). */
    public static boolean isLast(GameMessage message) {
        return message instanceof GameOver || message instanceof GameCancelled;
    }

    /** Whether the frame text (as {@link #text} writes it: the type first) is a game's last frame. */
    public static boolean isLast(String frame) {
        return frame.startsWith("{\"type\":\"game_over\"") || frame.startsWith("{\"type\":\"game_cancelled\"");
    }

    /** The frame of {@code message} as JSON text. */
    public static String text(GameMessage message) {
        Encoded last = LAST.get();
        if (last != null && last.message() == message) {
            return last.text();
        }
        String text = frame(message).toString();
        LAST.set(new Encoded(message, text));
        return text;
    }

    private record Encoded(GameMessage message, String text) {
    }

    /** The frame of {@code message}. */
    public static JsonObject frame(GameMessage message) {
        if (message instanceof StateSnapshot state) {
            return state(state);
        }
        if (message instanceof ActionAccepted ack) {
            return JSON.createObjectBuilder().add("type", "action_accepted").add("gameId", ack.gameId())
                    .add("clientSeq", ack.clientSeq()).add("turn", ack.turn()).add("action", ack.action())
                    .add("duplicate", ack.duplicate()).build();
        }
        if (message instanceof GameStarted started) {
            return JSON.createObjectBuilder().add("type", "game_started").add("gameId", started.gameId())
                    .add("version", started.version()).add("gameType", started.gameType().name())
                    .add("bestOf", started.bestOf()).add("players", seats(started.wallets(), JSONP::createValue))
                    .add("clientSeeds", seats(started.clientSeeds(), JSONP::createValue))
                    .add("serverSeedSha256", started.serverSeedSha256()).build();
        }
        if (message instanceof PlayerActed acted) {
            return JSON.createObjectBuilder().add("type", "player_acted").add("gameId", acted.gameId())
                    .add("version", acted.version()).add("seat", acted.seat().name()).add("turn", acted.turn())
                    .add("timedOut", acted.timedOut()).build();
        }
        if (message instanceof TurnPlayed turn) {
            return turnResult(turn);
        }
        if (message instanceof GameOver over) {
            return gameOver(over);
        }
        if (message instanceof TurnStarted started) {
            return JSON.createObjectBuilder().add("type", "turn_started").add("gameId", started.gameId())
                    .add("turn", started.turn()).add("turnDeadline", started.deadlineMillis()).build();
        }
        if (message instanceof PlayerLeft left) {
            return JSON.createObjectBuilder().add("type", "player_disconnected").add("gameId", left.gameId())
                    .add("seat", left.seat().name()).add("graceSeconds", left.graceSeconds())
                    .add("forfeitAt", left.forfeitAtMillis()).build();
        }
        if (message instanceof PlayerReturned back) {
            return JSON.createObjectBuilder().add("type", "player_reconnected").add("gameId", back.gameId())
                    .add("seat", back.seat().name()).build();
        }
        if (message instanceof DepositRequired deposit) {
            return JSON.createObjectBuilder().add("type", "deposit_required").add("gameId", deposit.gameId())
                    .add("vault", deposit.vault()).add("lamports", deposit.lamports()).add("memo", deposit.memo())
                    .add("deadline", deposit.deadlineMillis()).add("deposited", deposit.deposited())
                    .add("opponentDeposited", deposit.opponentDeposited()).build();
        }
        if (message instanceof DepositCounted counted) {
            return JSON.createObjectBuilder().add("type", "deposit_credited").add("gameId", counted.gameId())
                    .add("seat", counted.depositorSeat().name()).add("wallet", counted.wallet())
                    .add("lamports", counted.lamports()).add("deposited", counted.deposited())
                    .add("opponentDeposited", counted.opponentDeposited()).add("gameStatus", counted.gameStatus()).build();
        }
        if (message instanceof GameCancelled cancelled) {
            JsonArrayBuilder refunds = JSON.createArrayBuilder();
            cancelled.refunds().forEach(r -> refunds.add(JSON.createObjectBuilder().add("seat", r.seat().name())
                    .add("wallet", r.wallet()).add("lamports", r.lamports())));
            return JSON.createObjectBuilder().add("type", "game_cancelled").add("gameId", cancelled.gameId())
                    .add("reason", cancelled.reason()).add("refunds", refunds).build();
        }
        throw new IllegalArgumentException("no frame for " + message.getClass().getName());
    }

    private static JsonObject state(StateSnapshot s) {
        return JSON.createObjectBuilder()
                .add("type", "state")
                .add("gameId", s.gameId())
                .add("gameType", s.gameType().name())
                .add("bestOf", s.bestOf())
                .add("status", s.status().name())
                .add("version", s.version())
                .add("seat", s.seat() == null ? JsonValue.NULL : JSONP.createValue(s.seat().name()))
                .add("players", seats(s.wallets(), GameWire::nullable))
                .add("clientSeeds", seats(s.clientSeeds(), GameWire::nullable))
                .add("serverSeedSha256", s.serverSeedSha256())
                .add("turn", s.turn())
                .add("turnDeadline", s.turnDeadline().<JsonValue>map(JSONP::createValue).orElse(JsonValue.NULL))
                .add("finished", s.status() == StateSnapshot.Status.FINISHED)
                .add("connected", seats(s.connected(), b -> b ? JsonValue.TRUE : JsonValue.FALSE))
                .add("lastClientSeq", s.lastClientSeq().<JsonValue>map(JSONP::createValue).orElse(JsonValue.NULL))
                .add("view", s.view() == null ? JsonValue.NULL : toJson(s.view()))
                .add("gameOver", s.gameOver().<JsonValue>map(GameWire::gameOver).orElse(JsonValue.NULL))
                .build();
    }

    private static JsonObject turnResult(TurnPlayed turn) {
        JsonArrayBuilder timed = JSON.createArrayBuilder();
        turn.timedOut().forEach(s -> timed.add(s.name()));
        JsonArrayBuilder events = JSON.createArrayBuilder();
        turn.events().forEach(e -> events.add(event(e)));
        JsonObjectBuilder frame = JSON.createObjectBuilder()
                .add("type", "turn_result")
                .add("gameId", turn.gameId())
                .add("version", turn.version())
                .add("turn", turn.turn())
                .add("moves", seats(turn.moves(), JSONP::createValue))
                .add("timedOut", timed)
                .add("events", events)
                .add("score", seats(turn.score(), JSONP::createValue))
                .add("actionLogSha256", turn.actionLogSha256());
        turn.nextTurn().ifPresent(next -> frame.add("nextTurn", next));
        return frame.build();
    }

    /**
     * A turn event as its record's properties, the way JSON-B writes a record (in lexicographic
     * order, a null left out), then its {@code kind}. The rules' own events are built here directly:
     * through JSON-B they were written as text and parsed back, 4 % of what a game load allocated.
     * Any other event still goes through JSON-B. GameWireTest holds both ways equal for every kind.
     */
    static JsonObject event(TurnEvent event) {
        JsonObjectBuilder fields = JSON.createObjectBuilder();
        if (event instanceof MovesRevealed moves) {
            fields.add("actions", perSeat(moves.actions(), JSONP::createValue)).add("turn", moves.turn());
        } else if (event instanceof RoundWon won) {
            fields.add("round", won.round()).add("roundsWon", perSeat(won.roundsWon(), JSONP::createValue));
            addSeat(fields, "winner", won.winner());
        } else if (event instanceof RoundTied tied) {
            fields.add("round", tied.round()).add("tiesInRound", tied.tiesInRound());
        } else if (event instanceof GameEnded ended) {
            JsonObjectBuilder outcome = JSON.createObjectBuilder().add("isDraw", ended.outcome().isDraw())
                    .add("reason", ended.outcome().reason());
            addSeat(outcome, "winner", ended.outcome().winner());
            fields.add("outcome", outcome);
        } else if (event instanceof Struck struck) {
            addString(fields, "action", struck.action());
            addSeat(fields, "attacker", struck.attacker());
            fields.add("blocked", struck.blocked()).add("damage", struck.damage());
        } else if (event instanceof Missed missed) {
            addSeat(fields, "attacker", missed.attacker());
        } else if (event instanceof Countered countered) {
            addSeat(fields, "blocker", countered.blocker());
            fields.add("damage", countered.damage());
        } else if (event instanceof Healed healed) {
            fields.add("amount", healed.amount());
            addSeat(fields, "seat", healed.seat());
        } else {
            fields = JSON.createObjectBuilder(toJson(event).asJsonObject());
        }
        return fields.add("kind", event.getClass().getSimpleName()).build();
    }

    /** A per-seat pair as JSON-B writes the record: {@code p1}, {@code p2}, a null left out. */
    private static <T> JsonObject perSeat(PerSeat<T> values, Function<T, JsonValue> value) {
        JsonObjectBuilder pair = JSON.createObjectBuilder();
        if (values.p1() != null) {
            pair.add("p1", value.apply(values.p1()));
        }
        if (values.p2() != null) {
            pair.add("p2", value.apply(values.p2()));
        }
        return pair.build();
    }

    private static void addSeat(JsonObjectBuilder fields, String name, Seat seat) {
        if (seat != null) {
            fields.add(name, seat.name());
        }
    }

    private static void addString(JsonObjectBuilder fields, String name, String value) {
        if (value != null) {
            fields.add(name, value);
        }
    }

    private static JsonObject gameOver(GameOver over) {
        JsonArrayBuilder forfeits = JSON.createArrayBuilder();
        over.forfeits().forEach(f -> forfeits.add(JSON.createObjectBuilder().add("seat", f.seat().name())
                .add("cause", f.cause().name())));
        JsonObjectBuilder frame = JSON.createObjectBuilder()
                .add("type", "game_over")
                .add("gameId", over.gameId())
                .add("version", over.version())
                .add("outcome", over.outcome().code())
                .add("reason", over.outcome().reason())
                .add("winner", over.winner().<JsonValue>map(JSONP::createValue).orElse(JsonValue.NULL))
                .add("forfeits", forfeits)
                .add("score", seats(over.score(), JSONP::createValue))
                .add("turnsPlayed", over.turnsPlayed())
                .add("serverSeed", over.serverSeed())
                .add("serverSeedSha256", over.serverSeedSha256())
                .add("actionLogSha256", over.actionLogSha256());
        over.settlement().ifPresent(s -> frame.add("ratings", seats(s.ratings(), JSONP::createValue))
                .add("ratingChanges", seats(s.ratingChanges(), JSONP::createValue)));
        return frame.build();
    }

    private static <T> JsonObject seats(PerSeat<T> values, Function<T, JsonValue> value) {
        return JSON.createObjectBuilder().add(Seat.P1.name(), value.apply(values.p1()))
                .add(Seat.P2.name(), value.apply(values.p2())).build();
    }

    private static JsonValue nullable(String value) {
        return value == null ? JsonValue.NULL : JSONP.createValue(value);
    }

    private static JsonValue toJson(Object value) {
        try (var reader = JSONP.createReader(new StringReader(JSONB.toJson(value)))) {
            return reader.readValue();
        }
    }
}
