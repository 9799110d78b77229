package com.solduel.game.live;

import com.solduel.game.rules.PerSeat;
import com.solduel.game.rules.Seat;
import com.solduel.game.table.DepositCounted;
import com.solduel.game.table.DepositRequired;
import com.solduel.game.table.GameCancelled;
import com.solduel.game.table.GameMessage;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What changed in the deposits of a wagered game that has not started, as every node hears it
 * (Redis channel {@link GameHall#DEPOSITS_CHANNEL}): deposits opened (the second player joined, or
 * a pair was matched), a deposit was credited, or the game was cancelled for a missed deadline.
 * It carries everything the followers are told, so a node passes it on without reading the
 * database. {@code from} is the node that made it (it told its own followers already).
 */
record DepositNotice(String from, long gameId, Change change, PerSeat<DepositRequired> required,
                     Optional<Credit> credit, Optional<GameCancelled> cancelled) {

    private static final JsonProvider JSON = JsonProvider.provider();

    enum Change { OPENED, CREDITED, CANCELLED }

    /** The deposit that was credited: whose, how many lamports, and the game's status after it. */
    record Credit(Seat seat, String wallet, long lamports, String gameStatus) {
    }

    static DepositNotice opened(String from, long gameId, PerSeat<DepositRequired> required) {
        return new DepositNotice(from, gameId, Change.OPENED, required, Optional.empty(), Optional.empty());
    }

    static DepositNotice credited(String from, long gameId, PerSeat<DepositRequired> required, Credit credit) {
        return new DepositNotice(from, gameId, Change.CREDITED, required, Optional.of(credit), Optional.empty());
    }

    static DepositNotice cancelled(String from, GameCancelled cancelled) {
        return new DepositNotice(from, cancelled.gameId(), Change.CANCELLED, null, Optional.empty(), Optional.of(cancelled));
    }

    /** What a follower in {@code seat} (empty: a spectator) is told, if anything. */
    Optional<GameMessage> messageFor(Optional<Seat> seat) {
        return switch (change) {
            case OPENED -> seat.map(required::get);
            case CREDITED -> seat.map(s -> {
                Credit c = credit.orElseThrow();
                DepositRequired mine = required.get(s);
                return new DepositCounted(gameId, c.seat(), c.wallet(), c.lamports(), mine.deposited(),
                        mine.opponentDeposited(), c.gameStatus());
            });
            case CANCELLED -> cancelled.map(GameMessage.class::cast);
        };
    }

    /** Whether the game is over for its followers after this notice. */
    boolean ends() {
        return change == Change.CANCELLED;
    }

    String text() {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("from", from).add("gameId", gameId).add("change", change.name());
        if (required != null) {
            json.add("required", JSON.createObjectBuilder().add("P1", required(required.p1())).add("P2", required(required.p2())));
        }
        credit.ifPresent(c -> json.add("credit", JSON.createObjectBuilder().add("seat", c.seat().name())
                .add("wallet", c.wallet()).add("lamports", c.lamports()).add("gameStatus", c.gameStatus())));
        cancelled.ifPresent(c -> {
            JsonArrayBuilder refunds = JSON.createArrayBuilder();
            c.refunds().forEach(r -> refunds.add(JSON.createObjectBuilder().add("seat", r.seat().name())
                    .add("wallet", r.wallet()).add("lamports", r.lamports())));
            json.add("cancelled", JSON.createObjectBuilder().add("reason", c.reason()).add("refunds", refunds));
        });
        return json.build().toString();
    }

    static DepositNotice read(String text) {
        JsonObject json;
        try (var reader = JSON.createReader(new StringReader(text))) {
            json = reader.readObject();
        }
        long gameId = json.getJsonNumber("gameId").longValue();
        PerSeat<DepositRequired> required = null;
        if (json.containsKey("required")) {
            JsonObject r = json.getJsonObject("required");
            required = new PerSeat<>(required(gameId, r.getJsonObject("P1")), required(gameId, r.getJsonObject("P2")));
        }
        Optional<Credit> credit = Optional.ofNullable(json.getJsonObject("credit")).map(c -> new Credit(
                Seat.valueOf(c.getString("seat")), c.getString("wallet"), c.getJsonNumber("lamports").longValue(),
                c.getString("gameStatus")));
        Optional<GameCancelled> cancelled = Optional.ofNullable(json.getJsonObject("cancelled")).map(c -> {
            List<GameCancelled.Refund> refunds = new ArrayList<>();
            c.getJsonArray("refunds").getValuesAs(JsonObject.class).forEach(r -> refunds.add(new GameCancelled.Refund(
                    Seat.valueOf(r.getString("seat")), r.getString("wallet"), r.getJsonNumber("lamports").longValue())));
            return new GameCancelled(gameId, c.getString("reason"), refunds);
        });
        return new DepositNotice(json.getString("from"), gameId, Change.valueOf(json.getString("change")), required,
                credit, cancelled);
    }

    private static JsonObject required(DepositRequired r) {
        return JSON.createObjectBuilder().add("vault", r.vault()).add("lamports", r.lamports()).add("memo", r.memo())
                .add("deadline", r.deadlineMillis()).add("deposited", r.deposited())
                .add("opponentDeposited", r.opponentDeposited()).build();
    }

    private static DepositRequired required(long gameId, JsonObject r) {
        return new DepositRequired(gameId, r.getString("vault"), r.getJsonNumber("lamports").longValue(), r.getString("memo"),
                r.getJsonNumber("deadline").longValue(), r.getBoolean("deposited"), r.getBoolean("opponentDeposited"));
    }
}
