package com.solduel.ws.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.solduel.game.rules.GameEnded;
import com.solduel.game.rules.MovesRevealed;
import com.solduel.game.rules.Outcome;
import com.solduel.game.rules.PerSeat;
import com.solduel.game.rules.Seat;
import com.solduel.game.rules.TurnEvent;
import com.solduel.game.rules.duel.Countered;
import com.solduel.game.rules.duel.Healed;
import com.solduel.game.rules.duel.Missed;
import com.solduel.game.rules.duel.Struck;
import com.solduel.game.rules.rps.RoundTied;
import com.solduel.game.rules.rps.RoundWon;
import com.solduel.game.table.DepositCounted;
import com.solduel.game.table.DepositRequired;
import com.solduel.game.table.GameCancelled;
import com.solduel.game.table.PlayerActed;
import jakarta.json.Json;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class GameWireTest {

    @Test
    void anEventToldToManyFollowersIsEncodedOnceAndEqualEventsAreEncodedAlike() {
        PlayerActed acted = new PlayerActed(2, 42, Seat.P1, 1, false);
        String first = GameWire.text(acted);

        assertThat(first).isEqualTo("{\"type\":\"player_acted\",\"gameId\":42,\"version\":2,\"seat\":\"P1\",\"turn\":1,"
                + "\"timedOut\":false}");
        assertThat(GameWire.text(acted)).as("the same event again: the same text, not encoded again").isSameAs(first);
        PlayerActed next = new PlayerActed(3, 42, Seat.P2, 1, true);
        assertThat(GameWire.text(next)).contains("\"version\":3", "\"timedOut\":true");
        assertThat(GameWire.text(new PlayerActed(2, 42, Seat.P1, 1, false))).as("an equal event, another object")
                .isEqualTo(first);
    }

    @Test
    void aDepositRequiredFrameCarriesEveryFieldTheProtocolDocuments() {
        String frame = GameWire.text(new DepositRequired(42, "VAULT", 50_000_000, "solduel:deposit:game=42:wallet=W",
                1_795_505_374_000L, false, true));

        assertThat(frame).isEqualTo("{\"type\":\"deposit_required\",\"gameId\":42,\"vault\":\"VAULT\","
                + "\"lamports\":50000000,\"memo\":\"solduel:deposit:game=42:wallet=W\",\"deadline\":1795505374000,"
                + "\"deposited\":false,\"opponentDeposited\":true}");
    }

    @Test
    void aDepositCreditedFrameSaysWhoseDepositAndWhereBothStand() {
        String frame = GameWire.text(new DepositCounted(42, Seat.P2, "W2", 50_000_000, false, true, "AWAITING_DEPOSITS"));

        assertThat(frame).isEqualTo("{\"type\":\"deposit_credited\",\"gameId\":42,\"seat\":\"P2\",\"wallet\":\"W2\","
                + "\"lamports\":50000000,\"deposited\":false,\"opponentDeposited\":true,\"gameStatus\":\"AWAITING_DEPOSITS\"}");
    }

    @Test
    void aGameCancelledFrameListsTheRefundsOwed() {
        String frame = GameWire.text(new GameCancelled(42, GameCancelled.DEPOSIT_DEADLINE_MISSED,
                List.of(new GameCancelled.Refund(Seat.P1, "W1", 50_000_000))));

        assertThat(frame).isEqualTo("{\"type\":\"game_cancelled\",\"gameId\":42,\"reason\":\"DEPOSIT_DEADLINE_MISSED\","
                + "\"refunds\":[{\"seat\":\"P1\",\"wallet\":\"W1\",\"lamports\":50000000}]}");
    }

    /** An event kind the wire does not know: it goes through JSON-B. */
    public record Surprise(String note, int count) implements TurnEvent {
        @Override
        public String type() {
            return "SURPRISE";
        }
    }

    @Test
    void everyTurnEventIsWrittenAsJsonBWritesItsRecordThenItsKind() throws Exception {
        List<TurnEvent> events = List.of(
                new MovesRevealed(1, new PerSeat<>("PAPER", "ROCK")), new MovesRevealed(2, new PerSeat<>("ATTACK", null)),
                new RoundWon(1, Seat.P1, new PerSeat<>(1, 0)), new RoundWon(3, Seat.P2, new PerSeat<>(1, 2)),
                new RoundTied(3, 2), new GameEnded(Outcome.win(Seat.P2, "KNOCKOUT")), new GameEnded(Outcome.draw("TIE_CAP")),
                new Struck(Seat.P1, "ATTACK", 0, true), new Struck(Seat.P2, "SPECIAL", 25, false), new Missed(Seat.P1),
                new Countered(Seat.P2, 2), new Healed(Seat.P1, 15), new Surprise("\"quoted\" é", 7));
        try (Jsonb jsonb = JsonbBuilder.create()) {
            for (TurnEvent event : events) {
                String viaJsonB;
                try (var reader = Json.createReader(new StringReader(jsonb.toJson(event)))) {
                    viaJsonB = Json.createObjectBuilder(reader.readObject()).add("kind", event.getClass().getSimpleName())
                            .build().toString();
                }
                assertThat(GameWire.event(event).toString()).as(event.toString()).isEqualTo(viaJsonB);
            }
        }
        assertThat(GameWire.event(new GameEnded(Outcome.draw("TIE_CAP"))).toString())
                .isEqualTo("{\"outcome\":{\"isDraw\":true,\"reason\":\"TIE_CAP\"},\"kind\":\"GameEnded\"}");
    }
}
